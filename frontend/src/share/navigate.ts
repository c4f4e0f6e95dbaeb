/**
 * The page's one way to leave for another app or site. A clicked `<a href>`
 * opens custom schemes (`snssdk1128://`, `kwai://`) in iOS Safari and Android
 * Chrome alike, where assigning `location` to one is ignored by some
 * browsers; it also gives tests one thing to watch (a click on an anchor).
 * The anchor is attached while clicked so the click travels through the
 * document like a person's.
 */

const NOT_APP_SCHEMES = new Set(['http:', 'https:', 'javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:']);

/** An app's own URL (`snssdk1128://…`, `kwai://home`), or null for a web, script or malformed one. */
export function appSchemeUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^([a-z][a-z0-9+.-]*:)\/\/\S*$/i.exec(raw.trim());
  return m?.[1] && !NOT_APP_SCHEMES.has(m[1].toLowerCase()) ? raw.trim() : null;
}

/** Follows `url` as if the person tapped a link to it; `newTab` for web pages on a computer. */
export function openUrl(url: string, newTab = false): void {
  const a = document.createElement('a');
  a.href = url;
  if (newTab) {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
  }
}
