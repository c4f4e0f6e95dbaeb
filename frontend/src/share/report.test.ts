import { describe, expect, it } from 'vitest';
import { createApi } from '../api/client';
import { eventSender } from './report';

describe('eventSender', () => {
  it('posts the event as JSON with keepalive and no Authorization header', async () => {
    const seen: Request[] = [];
    const api = createApi({
      getToken: () => null,
      baseUrl: 'http://h',
      fetch: (async (req: Request) => {
        seen.push(req);
        return new Response(null, { status: 204 });
      }) as unknown as typeof fetch,
    });
    eventSender(api, 'tok_-1')({ kind: 'sdk_failed', reason: '未安装' });
    await new Promise((r) => setTimeout(r, 0));
    const req = seen[0];
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('http://h/api/share/tok_-1/events');
    expect(req?.keepalive).toBe(true);
    expect(req?.headers.get('content-type')).toBe('application/json');
    expect(req?.headers.has('authorization')).toBe(false);
    expect(await req?.json()).toEqual({ kind: 'sdk_failed', reason: '未安装' });
  });

  it('swallows a network failure', async () => {
    const api = createApi({
      getToken: () => null,
      baseUrl: 'http://h',
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
    });
    expect(() => eventSender(api, 't')({ kind: 'opened' })).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
  });
});
