import { describe, expect, it } from 'vitest';
import { networkError, toApiError } from '../../api/errors';
import { en, zh } from '../i18n/messages';
import { canRetry, uploadErrorKey } from './uploadErrors';

/** A problem body as the server sends it for an upload. */
const problem = (status: number, code: string, retryable: boolean, detail = 'the file is empty') =>
  toApiError(status, { type: 'about:blank', title: 'x', status, code, detail, retryable });

describe('upload errors', () => {
  it.each([
    [413, 'payload_too_large', false],
    [415, 'unsupported_media_type', false],
    [422, 'empty_file', false],
    [422, 'undecodable_media', false],
    [422, 'heic_undecodable', false],
    [507, 'insufficient_storage', true],
    [429, 'rate_limited', true],
    [500, 'internal', true],
  ] as const)('a %i %s has Chinese words of its own and 重试 only when retryable', (status, code, retryable) => {
    const e = problem(status, code, retryable);
    const { key } = uploadErrorKey(e);
    expect(key).toBe(`upload.err.${code}`);
    expect(zh[key]).toMatch(/[\u4e00-\u9fff]/);
    expect(en[key]).toBeTruthy();
    expect(canRetry(e)).toBe(retryable);
  });

  it("never shows the server's English detail", () => {
    const { key, params } = uploadErrorKey(problem(422, 'empty_file', false));
    expect(zh[key]).not.toContain('the file is empty');
    expect(Object.values(params)).not.toContain('the file is empty');
  });

  it('offers 重试 after a broken connection and says so', () => {
    const e = networkError(new Error('upload of a.jpg failed'));
    expect(canRetry(e)).toBe(true);
    expect(uploadErrorKey(e).key).toBe('upload.err.network');
  });

  it('takes retryable from the body over the status, and guesses from the status without a body', () => {
    expect(canRetry(problem(500, 'internal', false))).toBe(false);
    expect(canRetry(toApiError(502, '<html>bad gateway</html>'))).toBe(true);
    expect(canRetry(toApiError(400, 'nope'))).toBe(false);
  });

  it('names the wait of a rate limit and the status of a code it has no words for', () => {
    const limited = toApiError(429, { code: 'rate_limited', detail: 'x', retryable: true }, 12);
    expect(uploadErrorKey(limited)).toEqual({ key: 'upload.err.rate_limited_wait', params: { seconds: 12 } });
    expect(uploadErrorKey(problem(409, 'conflict', false))).toEqual({ key: 'upload.err.other', params: { status: 409 } });
    expect(canRetry(new Error('boom'))).toBe(false);
  });
});
