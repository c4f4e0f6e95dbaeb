/**
 * Post URLs come from operators and end up in <img src>, <video src> and
 * <a href>. Only http(s) is let through: a `javascript:` href would run code.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
