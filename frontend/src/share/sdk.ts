/**
 * Loads the XHS share SDK from its real URL. The script is third-party and may
 * be blocked (ad blockers, corporate proxies, China/abroad routing), so the
 * loader gives up after a few seconds and the page offers the manual fallback.
 */
import type { XhsSdk } from './xhs';

export const XHS_SDK_URL = 'https://fe-static.xhscdn.com/biz-static/goten/xhs-1.0.1.js';

export class SdkLoadError extends Error {
  override readonly name = 'SdkLoadError';
}

/** What the loader needs from the page; injected so it can be tested without a DOM. */
export interface SdkHost {
  /** Adds a <script src=url>; calls onError if it fails to load. */
  inject(url: string, onError: () => void): void;
  /** The global `xhs`, once the script defined it. */
  current(): XhsSdk | undefined;
}

export function browserHost(win: Window & { xhs?: unknown } = window): SdkHost {
  return {
    inject(url, onError) {
      const s = win.document.createElement('script');
      s.src = url;
      s.async = true;
      s.onerror = onError;
      win.document.head.appendChild(s);
    },
    current() {
      const x = win.xhs as Partial<XhsSdk> | undefined;
      return x && typeof x.share === 'function' ? (x as XhsSdk) : undefined;
    },
  };
}

/**
 * Resolves with the SDK once `xhs.share` exists. Polls rather than relying on
 * the script's load event, because a script can load and still define nothing.
 */
export function loadSdk(host: SdkHost, url = XHS_SDK_URL, timeoutMs = 5000, pollMs = 100): Promise<XhsSdk> {
  const ready = host.current();
  if (ready) return Promise.resolve(ready);
  return new Promise<XhsSdk>((resolve, reject) => {
    let done = false;
    const finish = (err: Error | null, sdk?: XhsSdk): void => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      if (sdk) resolve(sdk);
      else reject(err ?? new SdkLoadError('unknown'));
    };
    const poll = setInterval(() => {
      const sdk = host.current();
      if (sdk) finish(null, sdk);
    }, pollMs);
    const timer = setTimeout(() => finish(new SdkLoadError(`xhs SDK not available after ${timeoutMs} ms`)), timeoutMs);
    host.inject(url, () => finish(new SdkLoadError(`could not load ${url}`)));
  });
}

let pending: Promise<XhsSdk> | null = null;

/**
 * One script injection per page; a failed load is forgotten so the next tap
 * retries. The global is read afresh each time rather than cached.
 */
export function loadSdkOnce(host: SdkHost = browserHost()): Promise<XhsSdk> {
  const ready = host.current();
  if (ready) return Promise.resolve(ready);
  if (!pending) {
    pending = loadSdk(host).catch((e: unknown) => {
      pending = null;
      throw e;
    });
  }
  return pending;
}
