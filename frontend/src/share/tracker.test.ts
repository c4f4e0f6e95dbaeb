import { describe, expect, it } from 'vitest';
import { APP_OPEN_WINDOW_MS, clampReason, createTracker, type ShareEvent } from './tracker';

function setup() {
  const sent: ShareEvent[] = [];
  let t = 1_000;
  const tracker = createTracker((e) => sent.push(e), () => t);
  return { sent, tracker, advance: (ms: number) => (t += ms), kinds: () => sent.map((e) => e.kind) };
}

describe('createTracker', () => {
  it('reports opened, sdk_loaded and fallback_used once per page however often they happen', () => {
    const { tracker, kinds } = setup();
    tracker.opened();
    tracker.opened();
    tracker.sdkLoaded();
    tracker.sdkLoaded();
    tracker.fallbackUsed();
    tracker.fallbackUsed();
    expect(kinds()).toEqual(['opened', 'sdk_loaded', 'fallback_used']);
  });

  it('reports every tap', () => {
    const { tracker, kinds } = setup();
    tracker.tapped();
    tracker.tapped();
    expect(kinds()).toEqual(['publish_tapped', 'publish_tapped']);
  });

  it('reports app_opened when the page hides within the window after xhs.share, once per tap', () => {
    const { tracker, kinds, advance } = setup();
    tracker.tapped();
    tracker.shareCalled();
    advance(1500);
    tracker.hidden(); // visibilitychange
    tracker.hidden(); // pagehide right after
    expect(kinds()).toEqual(['publish_tapped', 'app_opened']);
    tracker.tapped();
    tracker.shareCalled();
    tracker.hidden();
    expect(kinds()).toEqual(['publish_tapped', 'app_opened', 'publish_tapped', 'app_opened']);
  });

  it('does not report app_opened for a page hidden without a tap, before xhs.share, or too late', () => {
    const { tracker, kinds, advance } = setup();
    tracker.hidden();
    tracker.tapped();
    tracker.hidden(); // still fetching the payload: the person switched tabs
    tracker.shareCalled();
    advance(APP_OPEN_WINDOW_MS + 1);
    tracker.hidden();
    expect(kinds()).toEqual(['publish_tapped']);
  });

  it('does not count a hidden page as an app open after the SDK failed', () => {
    const { tracker, sent } = setup();
    tracker.tapped();
    tracker.shareCalled();
    tracker.sdkFailed('用户未安装小红书 (-1)');
    tracker.sdkFailed('a second fail callback');
    tracker.hidden();
    expect(sent).toEqual([
      { kind: 'publish_tapped', platform: 'xhs' },
      { kind: 'sdk_failed', platform: 'xhs', reason: '用户未安装小红书 (-1)' },
    ]);
  });

  it('does not report app_opened once the page has shown that the app did not open', () => {
    const { tracker, kinds, advance } = setup();
    tracker.tapped();
    tracker.shareCalled();
    advance(APP_OPEN_WINDOW_MS / 2);
    tracker.gaveUp(); // the page showed "did not open" and the manual way
    tracker.hidden(); // the person closes the tab, still inside the window
    expect(kinds()).toEqual(['publish_tapped']);
    tracker.tapped(); // a new tap waits again
    tracker.shareCalled();
    tracker.hidden();
    expect(kinds()).toEqual(['publish_tapped', 'publish_tapped', 'app_opened']);
  });

  it('reports one failure per tap, so a retry that fails again counts again', () => {
    const { tracker, kinds } = setup();
    tracker.tapped();
    tracker.sdkFailed('x');
    tracker.tapped();
    tracker.sdkFailed('x');
    expect(kinds()).toEqual(['publish_tapped', 'sdk_failed', 'publish_tapped', 'sdk_failed']);
  });

  it('leaves out an empty reason', () => {
    const { tracker, sent } = setup();
    tracker.sdkFailed('   ');
    expect(sent).toEqual([{ kind: 'sdk_failed', platform: 'xhs' }]);
  });
});

describe('createTracker with several platforms', () => {
  it('names XHS on its own events and no platform on opened', () => {
    const { tracker, sent } = setup();
    tracker.opened();
    tracker.sdkLoaded();
    tracker.tapped();
    tracker.fallbackUsed();
    expect(sent).toEqual([
      { kind: 'opened' },
      { kind: 'sdk_loaded', platform: 'xhs' },
      { kind: 'publish_tapped', platform: 'xhs' },
      { kind: 'fallback_used', platform: 'xhs' },
    ]);
  });

  it('names the tapped platform on its failure and on the app opening', () => {
    const { tracker, sent } = setup();
    tracker.tapped('douyin');
    tracker.sdkFailed('platform_timeout');
    tracker.tapped('douyin');
    tracker.shareCalled();
    tracker.hidden();
    expect(sent).toEqual([
      { kind: 'publish_tapped', platform: 'douyin' },
      { kind: 'sdk_failed', platform: 'douyin', reason: 'platform_timeout' },
      { kind: 'publish_tapped', platform: 'douyin' },
      { kind: 'app_opened', platform: 'douyin' },
    ]);
  });

  it('reports fallback_used once per platform', () => {
    const { tracker, sent } = setup();
    tracker.fallbackUsed('kuaishou');
    tracker.fallbackUsed('kuaishou');
    tracker.fallbackUsed('bilibili');
    tracker.fallbackUsed();
    expect(sent.map((e) => e.platform)).toEqual(['kuaishou', 'bilibili', 'xhs']);
  });
});

describe('clampReason', () => {
  it('keeps at most 500 characters, counting emoji and 汉字 as one', () => {
    expect([...clampReason('😀'.repeat(600))]).toHaveLength(500);
    expect(clampReason('汉'.repeat(501))).toBe('汉'.repeat(500));
    expect(clampReason('  short  ')).toBe('short');
  });
});
