/**
 * The one way the frontend talks to the server: a typed openapi-fetch client
 * that adds the Bearer token, reports a 401 once, and turns every failure into
 * an ApiError so callers `try/catch` a single error type.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, networkError, parseRetryAfter, toApiError } from './errors';

export type ApiClient = Client<paths>;

export interface ApiOptions {
  getToken: () => string | null;
  /** Called on a 401 from any endpoint but login (whose 401 is a wrong password). */
  onUnauthorized?: () => void;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export function createApi(opts: ApiOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl ?? '',
    // Late-bound so tests can swap globalThis.fetch after the client exists.
    fetch: (req: Request) => (opts.fetch ?? globalThis.fetch)(req),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = opts.getToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      request.headers.set('Accept', 'application/json, application/problem+json');
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && !new URL(request.url, 'http://x').pathname.endsWith('/api/auth/login')) {
        opts.onUnauthorized?.();
      }
      return undefined;
    },
  };
  client.use(auth);
  return client;
}

type Result<D> = { data?: D; error?: unknown; response: Response };

/** Awaits an openapi-fetch call; returns its data or throws ApiError. */
export async function call<D>(pending: Promise<Result<D>>): Promise<D> {
  let res: Result<D>;
  try {
    res = await pending;
  } catch (e) {
    throw e instanceof ApiError ? e : networkError(e);
  }
  if (!res.response.ok) {
    const retry = res.response.status === 429 ? parseRetryAfter(res.response.headers.get('Retry-After')) : null;
    throw toApiError(res.response.status, res.error, retry);
  }
  return res.data as D;
}
