/**
 * The operator's session: the token in localStorage (kept across reloads) and
 * the console's API client. A 401 from anywhere clears the token and sends the
 * person to the login page, coming back to where they were afterwards.
 */
import { ref } from 'vue';
import type { Router } from 'vue-router';
import { call, createApi } from '../api/client';
import { clearToken, getToken, setToken } from '../api/token';

/** Reactive copy of "is there a token", for the top bar. */
export const signedIn = ref(getToken() !== null);
export const username = ref<string | null>(null);
/** Set when a 401 threw the person out, so the login page can say why. */
export const expired = ref(false);

let router: Router | null = null;

export function bindRouter(r: Router): void {
  router = r;
}

function dropSession(): void {
  clearToken();
  signedIn.value = false;
  username.value = null;
}

/** A 401 from anywhere (the typed client, or the upload's XMLHttpRequest). */
export function onUnauthorized(): void {
  dropSession();
  expired.value = true;
  const current = router?.currentRoute.value;
  if (router && current?.name !== 'login') {
    void router.push({ name: 'login', query: { next: current?.fullPath ?? '/' } });
  }
}

export const api = createApi({ getToken, onUnauthorized });

export async function login(user: string, password: string): Promise<void> {
  const res = await call(api.POST('/api/auth/login', { body: { username: user, password } }));
  setToken(res.token);
  signedIn.value = true;
  expired.value = false;
  username.value = user;
}

export async function logout(): Promise<void> {
  try {
    await call(api.POST('/api/auth/logout'));
  } catch {
    // The token is dropped locally either way; a failed logout call must not trap the person.
  } finally {
    dropSession();
  }
}

/** Fills in the user name after a reload; a stale token ends in onUnauthorized. */
export async function loadMe(): Promise<void> {
  if (!getToken()) return;
  try {
    const me = await call(api.GET('/api/auth/me'));
    username.value = me.username;
  } catch {
    // 401 is handled by onUnauthorized; other errors leave the name blank.
  }
}

export { getToken };
