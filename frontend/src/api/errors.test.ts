import { describe, expect, it } from 'vitest';
import { ApiError, networkError, parseRetryAfter, toApiError } from './errors';

describe('toApiError', () => {
  it('reads code, detail and field errors from a 422 problem', () => {
    const e = toApiError(422, {
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'validation_failed',
      detail: 'the post is not valid',
      errors: [{ field: 'title', rule: 'max_chars', message: 'title has 23 characters; XHS allows at most 20' }],
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('validation_failed');
    expect(e.detail).toBe('the post is not valid');
    expect(e.errorsFor('title')).toHaveLength(1);
    expect(e.errorsFor('content')).toHaveLength(0);
    expect(e.currentVersion).toBeNull();
  });
  it('keeps the counts of counting rules', () => {
    const e = toApiError(422, {
      code: 'validation_failed',
      errors: [
        { field: 'title', rule: 'max_chars', message: 'm', actual: 23, limit: 20 },
        { field: 'name', rule: 'max_chars', message: 'm', actual: null, limit: '20' },
      ],
    });
    expect(e.errors[0]).toEqual({ field: 'title', rule: 'max_chars', message: 'm', actual: 23, limit: 20 });
    expect(e.errors[1]).toStrictEqual({ field: 'name', rule: 'max_chars', message: 'm' });
  });
  it('lists the field errors outside the fields a form shows', () => {
    const e = toApiError(422, {
      code: 'validation_failed',
      errors: [
        { field: 'title', rule: 'max_chars', message: 'a' },
        { field: 'image_urls[0]', rule: 'absolute_http_url', message: 'b' },
        { field: 'body', rule: 'well_formed', message: 'c' },
      ],
    });
    expect(e.errorsOutside(['title', 'image_urls']).map((x) => x.field)).toEqual(['body']);
    expect(e.errorsOutside([])).toHaveLength(3);
  });
  it('keeps the role a 403 says is needed', () => {
    const e = toApiError(403, { code: 'forbidden', status: 403, title: 'Forbidden', detail: 'needs reviewer', required_role: 'reviewer' });
    expect([e.code, e.requiredRole]).toEqual(['forbidden', 'reviewer']);
    expect(toApiError(403, { code: 'forbidden' }).requiredRole).toBeNull();
  });
  it('keeps the resource a 404 names', () => {
    const e = toApiError(404, { code: 'not_found', status: 404, title: 'Not Found', detail: 'account not found', resource: 'account' });
    expect([e.code, e.resource]).toEqual(['not_found', 'account']);
  });
  it('keeps current_version from a 409 version_conflict', () => {
    const e = toApiError(409, { code: 'version_conflict', status: 409, title: 'Conflict', current_version: 4 });
    expect(e.code).toBe('version_conflict');
    expect(e.currentVersion).toBe(4);
  });
  it('groups indexed field errors under their list field', () => {
    const e = toApiError(422, {
      code: 'validation_failed',
      errors: [{ field: 'image_urls[1]', rule: 'url', message: 'not a URL' }],
    });
    expect(e.errorsFor('image_urls').map((x) => x.rule)).toEqual(['url']);
  });
  it('copes with a body that is not a problem', () => {
    const e = toApiError(502, '<html>Bad Gateway</html>');
    expect(e.code).toBe('unknown');
    expect(e.status).toBe(502);
    expect(toApiError(401, undefined).code).toBe('unauthorized');
  });
  it('ignores malformed field errors instead of throwing', () => {
    const e = toApiError(422, { code: 'validation_failed', errors: [null, 3, { field: 'title' }] });
    expect(e.errors).toEqual([{ field: 'title', rule: '', message: '' }]);
  });
});

describe('networkError', () => {
  it('has status 0 and code network', () => {
    const e = networkError(new TypeError('Failed to fetch'));
    expect([e.status, e.code, e.detail]).toEqual([0, 'network', 'Failed to fetch']);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2024-10-01T00:00:00Z');
    expect(parseRetryAfter('Tue, 01 Oct 2024 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Mon, 30 Sep 2024 00:00:00 GMT', now)).toBe(0);
  });
  it('is null when missing or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('a 429 without a problem body', () => {
  it('is still rate_limited and keeps the wait', () => {
    const e = toApiError(429, 'Too Many Requests', 12);
    expect([e.code, e.retryAfter]).toEqual(['rate_limited', 12]);
  });
});
