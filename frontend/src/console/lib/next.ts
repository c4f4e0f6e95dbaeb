/**
 * Where to go after logging in. Only same-site paths: `?next=//evil.example`
 * or `?next=https://…` would turn the login form into an open redirect.
 */
export type NextTarget = { kind: 'console'; path: string } | { kind: 'page'; path: string };

export function nextTarget(raw: unknown): NextTarget {
  const path = typeof raw === 'string' ? raw : '';
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return { kind: 'console', path: '/' };
  // The share page is another HTML entry: the console router cannot show it.
  if (/^\/[ps]\//.test(path)) return { kind: 'page', path };
  return { kind: 'console', path };
}
