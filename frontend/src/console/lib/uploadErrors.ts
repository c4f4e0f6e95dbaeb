/**
 * Why an upload failed, in the console's words, and whether 重试 can help.
 * The server's `detail` is English and meant for logs and integrators: an
 * upload's message comes from its `code` only, and says what to do next.
 * 重试 is offered only when the problem says `retryable` (a full store, a
 * rate limit, a server fault) or nothing answered (the network).
 */
import { ApiError } from '../../api/errors';
import type { MessageKey } from '../i18n/messages';

/** The codes an upload has its own words for. */
const WORDED = [
  'payload_too_large',
  'unsupported_media_type',
  'empty_file',
  'undecodable_media',
  'heic_undecodable',
  'insufficient_storage',
  'rate_limited',
  'internal',
  'database_unavailable',
  'network',
  'unauthorized',
  'forbidden',
] as const;

type Worded = (typeof WORDED)[number];

const isWorded = (code: string): code is Worded => (WORDED as readonly string[]).includes(code);

/** The message key and its parameters for a failed upload's error. */
export function uploadErrorKey(error: unknown): { key: MessageKey; params: Record<string, string | number> } {
  if (!(error instanceof ApiError)) return { key: 'upload.err.other', params: { status: '-' } };
  if (error.code === 'rate_limited' && error.retryAfter !== null) {
    return { key: 'upload.err.rate_limited_wait', params: { seconds: error.retryAfter } };
  }
  if (isWorded(error.code)) return { key: `upload.err.${error.code}`, params: {} };
  return { key: 'upload.err.other', params: { status: error.status } };
}

/** True when trying the same file again may work. */
export function canRetry(error: unknown): boolean {
  return error instanceof ApiError && error.retryable;
}
