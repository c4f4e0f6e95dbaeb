import { describe, expect, it, vi } from 'vitest';
import { call, createApi } from './client';
import { ApiError } from './errors';

function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  const seen: Request[] = [];
  const fetch = vi.fn(async (req: Request) => {
    seen.push(req);
    const text = body === undefined ? null : JSON.stringify(body);
    return new Response(text, { status, headers: text ? { 'content-type': contentType } : {} });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, seen };
}

describe('api client', () => {
  it('sends the Bearer token and returns typed data', async () => {
    const { fetch, seen } = fakeFetch(200, { username: 'admin', expires_at: '2030-01-01T00:00:00Z' });
    const api = createApi({ getToken: () => 'tok', baseUrl: 'http://h', fetch });
    const me = await call(api.GET('/api/auth/me'));
    expect(me.username).toBe('admin');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('sends no Authorization header without a token', async () => {
    const { fetch, seen } = fakeFetch(200, { token: 't', expires_at: 'x' });
    const api = createApi({ getToken: () => null, baseUrl: 'http://h', fetch });
    await call(api.POST('/api/auth/login', { body: { username: 'a', password: 'b' } }));
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });

  it('turns a problem+json 409 into an ApiError with current_version', async () => {
    const { fetch } = fakeFetch(
      409,
      { type: 'about:blank', title: 'Conflict', status: 409, code: 'version_conflict', detail: 'changed', current_version: 7 },
      'application/problem+json',
    );
    const api = createApi({ getToken: () => 't', baseUrl: 'http://h', fetch });
    const err = await call(
      api.PUT('/api/posts/{id}', {
        params: { path: { id: 1 } },
        body: { type: 'normal', title: 't', content: 'c', version: 1 },
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).currentVersion).toBe(7);
  });

  it('reports a 401 from an ordinary endpoint but not from login', async () => {
    const onUnauthorized = vi.fn();
    const { fetch } = fakeFetch(401, { code: 'unauthorized', status: 401, title: 'Unauthorized' });
    const api = createApi({ getToken: () => 'old', baseUrl: 'http://h', fetch, onUnauthorized });
    await expect(call(api.GET('/api/auth/me'))).rejects.toMatchObject({ code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(
      call(api.POST('/api/auth/login', { body: { username: 'a', password: 'b' } })),
    ).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('turns a failed fetch into a network ApiError', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    const api = createApi({ getToken: () => null, baseUrl: 'http://h', fetch });
    await expect(call(api.GET('/api/auth/me'))).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('returns undefined for a 204', async () => {
    const { fetch } = fakeFetch(204, undefined);
    const api = createApi({ getToken: () => 't', baseUrl: 'http://h', fetch });
    await expect(call(api.DELETE('/api/posts/{id}', { params: { path: { id: 3 } } }))).resolves.toBeUndefined();
  });

  it('carries Retry-After on a 429 into the ApiError', async () => {
    const fetch = (async () =>
      new Response(JSON.stringify({ code: 'rate_limited', status: 429, title: 'Too Many Requests', detail: 'retry in 9 s' }), {
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '9' },
      })) as unknown as typeof globalThis.fetch;
    const api = createApi({ getToken: () => null, baseUrl: 'http://h', fetch });
    const err = await call(api.GET('/api/share/{token}/publish', { params: { path: { token: 't' } } })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'rate_limited', retryAfter: 9 });
  });
});
