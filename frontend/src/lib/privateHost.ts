/**
 * Whether a URL points at this machine or a private network, which a phone on
 * mobile data cannot reach: the console warns before such a link is shared.
 */

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return nums.every((n) => n >= 0 && n <= 255) ? nums : null;
}

/** 127.0.0.0/8, localhost, ::1, 10/8, 172.16/12, 192.168/16, 0.0.0.0 (and IPv6 unique-local / link-local). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || host.startsWith('fe80:')) return true;
  const v4 = ipv4(host.startsWith('::ffff:') ? host.slice(7) : host);
  if (!v4) return false;
  const [a = -1, b = -1] = v4;
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** True when `url` parses and its host is loopback or private; a bad URL is not ours to judge. */
export function isPrivateUrl(url: string): boolean {
  try {
    return isPrivateHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
