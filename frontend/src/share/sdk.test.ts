import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSdk, SdkLoadError, type SdkHost } from './sdk';
import type { XhsSdk } from './xhs';

const sdk: XhsSdk = { share: () => undefined };

function host(behaviour: 'defines' | 'errors' | 'silent'): SdkHost & { injected: string[] } {
  let defined: XhsSdk | undefined;
  const injected: string[] = [];
  return {
    injected,
    inject(url, onError) {
      injected.push(url);
      if (behaviour === 'defines') setTimeout(() => (defined = sdk), 250);
      if (behaviour === 'errors') setTimeout(onError, 50);
    },
    current: () => defined,
  };
}

describe('loadSdk', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('injects the real SDK URL and resolves once window.xhs appears', async () => {
    const h = host('defines');
    const p = loadSdk(h);
    await vi.advanceTimersByTimeAsync(400);
    await expect(p).resolves.toBe(sdk);
    expect(h.injected).toEqual(['https://fe-static.xhscdn.com/biz-static/goten/xhs-1.0.1.js']);
  });

  it('rejects at once when the script fails to load', async () => {
    const p = loadSdk(host('errors'));
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60);
    expect(await caught).toBeInstanceOf(SdkLoadError);
  });

  it('gives up after the timeout when the script defines nothing', async () => {
    const p = loadSdk(host('silent'), 'https://x/sdk.js', 5000);
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4900);
    let settled = false;
    void caught.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(String(await caught)).toContain('5000 ms');
  });

  it('does not inject again when the SDK is already there', async () => {
    const h: SdkHost & { n: number } = { n: 0, inject() { this.n++; }, current: () => sdk };
    await expect(loadSdk(h)).resolves.toBe(sdk);
    expect(h.n).toBe(0);
  });
});
