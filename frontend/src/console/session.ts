/**
 * The operator's session: the token in localStorage (kept across reloads) and
 * the console's API client. A 401 from anywhere clears the token and sends the
 * person to the login page, coming back to where they were afterwards.
 */
import { ref } from 'vue';
import type { Router } from 'vue-router';
import { call, createApi } from '../api/client';
import { clearToken, getToken, setToken } from '../api/token';
import type { Me, Role } from '../api/team-types';
import { can, parseRole } from './lib/roles';

/** Reactive copy of "is there a token", for the top bar. */
export const signedIn = ref(getToken() !== null);
export const username = ref<string | null>(null);
/** The signed-in role (from /api/auth/me); null until known. */
export const role = ref<Role | null>(null);
/** Whether notes need an approval before links and dispatch (the server's setting). */
export const approvalRequired = ref(false);
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
  role.value = null;
  approvalRequired.value = false;
  meLoaded = null;
}

/** Whether the signed-in person may do what needs `least` (reactive: reads `role`). */
export function allowed(least: Role): boolean {
  return can(role.value, least);
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
  meLoaded = null;
  await ensureMe();
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

let meLoaded: Promise<void> | null = null;

/** Takes who the server says is signed in. */
export function adoptMe(me: Me): void {
  username.value = me.username;
  // A role this console does not know (a newer server's) may do nothing here.
  role.value = parseRole(me.role);
  approvalRequired.value = me.approval_required;
}

/**
 * Fills in the name, role and workflow setting once per sign-in (the route
 * guard waits for it); a stale token ends in onUnauthorized.
 */
export function ensureMe(): Promise<void> {
  if (!getToken()) return Promise.resolve();
  meLoaded ??= call(api.GET('/api/auth/me')).then(
    (me) => adoptMe(me),
    () => {
      // 401 is handled by onUnauthorized; other errors leave the name blank and try again next time.
      meLoaded = null;
    },
  );
  return meLoaded;
}


export { getToken };
