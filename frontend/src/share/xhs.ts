/**
 * The contract with the XHS share SDK (shared XHS_FACTS §1) and the mapping
 * from our publish endpoint's answer to `xhs.share(...)`'s argument.
 */
import type { PublishPayload, ShareInfo, VerifyConfig } from '../api/types';

/** The argument of `xhs.share`. Only a `fail` callback exists: no success. */
export interface XhsShareArgs {
  shareInfo: ShareInfo;
  verifyConfig: VerifyConfig;
  fail: (e: unknown) => void;
}

/** The global the SDK script defines. */
export interface XhsSdk {
  share(args: XhsShareArgs): void;
}

/**
 * Passes the server's `shareInfo` and `data` through untouched: the signature
 * covers appKey/nonce/timestamp exactly as the server produced them, so any
 * "clean-up" here (say, stringifying the timestamp) would risk breaking it.
 */
export function toShareArgs(payload: PublishPayload, fail: (e: unknown) => void): XhsShareArgs {
  return { shareInfo: payload.shareInfo, verifyConfig: payload.data, fail };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A readable message from the `fail` callback's argument, whose shape is
 * undocumented: integrations have seen `msg`, `message` and `errMsg`.
 */
export function failMessage(e: unknown): string {
  if (typeof e === 'string') return e || 'unknown error';
  if (e instanceof Error) return e.message || e.name;
  if (isRecord(e)) {
    const text = [e.msg, e.message, e.errMsg].find((v): v is string => typeof v === 'string' && v !== '');
    if (text) {
      const code = typeof e.code === 'string' || typeof e.code === 'number' ? ` (${e.code})` : '';
      return text + code;
    }
  }
  if (e === undefined) return 'unknown error';
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
