/**
 * The operator's session token. localStorage (not a cookie) because the share
 * page at /p/{id} runs on the same origin and must find it after a reload,
 * and the contract authenticates with a Bearer header, not a cookie.
 */
export const TOKEN_KEY = 'xhspub.token';

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Safari private mode and some WebViews throw on access.
    return null;
  }
}

export function getToken(): string | null {
  return store()?.getItem(TOKEN_KEY) ?? null;
}

export function setToken(token: string): void {
  store()?.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  store()?.removeItem(TOKEN_KEY);
}
