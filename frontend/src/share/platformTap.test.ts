// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { ShareHandout } from '../api/types';
import type { Child } from './dom';
import { onPlatformTap } from './platformTap';
import type { Platform } from './platforms';
import { APP_SWITCH_GRACE_MS, type PublishContext, type PublishUi } from './publish';
import type { SharedNote, ShareSource } from './source';
import { shareStrings } from './strings';
import { createTracker, type ShareEvent } from './tracker';

const note: SharedNote = {
  type: 'normal',
  title: '周末去哪儿',
  content: '正文 #周末',
  imageUrls: ['https://img.example/1.jpg', 'https://img.example/2.jpg'],
  coverUrl: null,
  videoUrl: null,
};
const douyin: Platform = { platform: 'douyin', name: '抖音', handoff: 'schema' };
const weibo: Platform = { platform: 'weibo', name: '微博', handoff: 'url' };
const kuaishou: Platform = { platform: 'kuaishou', name: '快手', handoff: 'copy_kit' };
const SCHEMA = 'snssdk1128://openplatform/share?client_key=aw1&signature=ab&share_type=h5';
const WEIBO = 'https://service.weibo.com/share/share.php?url=https%3A%2F%2Fx&title=t&pic=p';
const KIT: ShareHandout = { handoff: 'copy_kit', platform: 'kuaishou', url: 'kwai://home', text: '周末去哪儿\n\n正文 #周末', media: note.imageUrls };

function setup(mode: PublishContext['mode'], answer: (platform: string) => Promise<ShareHandout>) {
  const state = { status: '', kind: '', panel: null as HTMLElement | null, busy: [] as boolean[] };
  const text = (c: Child): string => (typeof c === 'string' ? c : c ? (c.textContent ?? '') : '');
  const ui: PublishUi = {
    setStatus: (kind, ...children) => Object.assign(state, { kind, status: children.map(text).join('') }),
    showPanel: (p) => void (state.panel = p),
    setBusy: (b) => void state.busy.push(b),
  };
  const publishTo = vi.fn(answer);
  const source: ShareSource = {
    kind: 'public',
    preview: async () => note,
    publish: () => Promise.reject(new Error('XHS is not tapped here')),
    publishTo,
    loginUrl: null,
  };
  const sent: ShareEvent[] = [];
  const ctx: PublishContext = { mode, source, post: note, s: shareStrings(), ui, track: createTracker((e) => sent.push(e)) };
  return { ctx, state, sent, publishTo };
}

/** Anchor clicks the page makes, kept from navigating (as the browser tests do). */
let navigations: { href: string; target: string }[];
const capture = (ev: Event): void => {
  const a = (ev.target as Element).closest?.('a');
  if (!a) return;
  navigations.push({ href: a.getAttribute('href') ?? '', target: a.target });
  ev.preventDefault();
};

describe('onPlatformTap', () => {
  beforeEach(() => {
    navigations = [];
    document.addEventListener('click', capture, true);
  });
  afterEach(() => {
    document.removeEventListener('click', capture, true);
    document.body.replaceChildren();
  });

  it('fetches the Douyin schema on the tap and follows it at once, reporting the tap for douyin', async () => {
    const { ctx, state, sent, publishTo } = setup('sdk', async () => ({ handoff: 'schema', platform: 'douyin', url: SCHEMA }));
    await onPlatformTap(ctx, douyin);
    expect(publishTo).toHaveBeenCalledWith('douyin');
    expect(navigations).toEqual([{ href: SCHEMA, target: '' }]);
    expect(state.status).toBe('正在打开抖音…');
    expect(state.busy).toEqual([true, false]);
    expect(sent).toEqual([{ kind: 'publish_tapped', platform: 'douyin' }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });

  it('says the app did not open when the page is still visible after a while, unless a later tap took over', async () => {
    vi.useFakeTimers();
    try {
      const { ctx, state } = setup('sdk', async (p) => (p === 'douyin' ? { handoff: 'schema', platform: 'douyin', url: SCHEMA } : { handoff: 'url', platform: 'weibo', url: WEIBO }));
      await onPlatformTap(ctx, douyin);
      await vi.advanceTimersByTimeAsync(APP_SWITCH_GRACE_MS + 1);
      expect(state.status).toBe('没有打开抖音？请确认已安装抖音 App，或选择其他平台。');
      await onPlatformTap(ctx, douyin);
      await onPlatformTap(ctx, weibo);
      await vi.advanceTimersByTimeAsync(APP_SWITCH_GRACE_MS + 1);
      expect(state.status).toBe('正在打开微博…');
    } finally {
      vi.useRealTimers();
    }
  });

  it('fetches a new schema on every tap, never reusing a signed one', async () => {
    let n = 0;
    const { ctx, publishTo } = setup('sdk', async () => ({ handoff: 'schema', platform: 'douyin', url: `${SCHEMA}&nonce_str=${++n}` }));
    await onPlatformTap(ctx, douyin);
    await onPlatformTap(ctx, douyin);
    expect(publishTo).toHaveBeenCalledTimes(2);
    expect(navigations.map((x) => x.href)).toEqual([`${SCHEMA}&nonce_str=1`, `${SCHEMA}&nonce_str=2`]);
  });

  it('opens Weibo in the same tab on a phone and in a new one on a computer', async () => {
    const phone = setup('sdk', async () => ({ handoff: 'url', platform: 'weibo', url: WEIBO }));
    await onPlatformTap(phone.ctx, weibo);
    const desk = setup('desktop', async () => ({ handoff: 'url', platform: 'weibo', url: WEIBO }));
    await onPlatformTap(desk.ctx, weibo);
    expect(navigations).toEqual([
      { href: WEIBO, target: '' },
      { href: WEIBO, target: '_blank' },
    ]);
    expect(desk.state.status).toBe('已在新窗口打开微博的分享页。');
  });

  it('shows the copy kit for Kuaishou: the text to copy, the images to save, the app to open', async () => {
    const { ctx, state, sent } = setup('sdk', async () => KIT);
    await onPlatformTap(ctx, kuaishou);
    const kit = state.panel as HTMLElement;
    expect(kit.dataset.testid).toBe('kit');
    expect(kit.querySelector('h2')?.textContent).toBe('发布到快手');
    const imgs = [...kit.querySelectorAll('[data-testid="kit-media"] img')].map((i) => i.getAttribute('src'));
    expect(imgs).toEqual(note.imageUrls);
    expect(kit.querySelector('[data-testid="kit-media"]')?.textContent).toContain('长按图片保存');
    expect(kit.querySelector('[data-testid="kit-open"]')?.getAttribute('href')).toBe('kwai://home');
    expect(navigations).toEqual([]);
    (kit.querySelector('[data-testid="kit-copy"]') as HTMLElement).click();
    expect(sent.map((e) => [e.kind, e.platform])).toEqual([
      ['publish_tapped', 'kuaishou'],
      ['fallback_used', 'kuaishou'],
    ]);
  });

  it("words a failed call in the page's language, reports its code, and frees the buttons", async () => {
    const { ctx, state, sent } = setup('sdk', async () => {
      throw new ApiError(503, 'platform_not_configured', 'douyin.client_key is empty');
    });
    await onPlatformTap(ctx, douyin);
    expect(state.kind).toBe('error');
    expect(state.status).toBe('暂不支持发布到抖音，请选择其他平台。');
    expect(state.busy).toEqual([true, false]);
    expect(navigations).toEqual([]);
    expect(sent).toEqual([
      { kind: 'publish_tapped', platform: 'douyin' },
      { kind: 'sdk_failed', platform: 'douyin', reason: 'platform_not_configured' },
    ]);
  });

  it('treats a schema that is not an app URL as a failure instead of following it', async () => {
    const { ctx, state, sent } = setup('sdk', async () => ({ handoff: 'schema', platform: 'douyin', url: 'javascript:alert(1)' }));
    await onPlatformTap(ctx, douyin);
    expect(navigations).toEqual([]);
    expect(state.status).toBe('抖音暂时不可用，请稍后重试或选择其他平台。');
    expect(sent.at(-1)).toEqual({ kind: 'sdk_failed', platform: 'douyin', reason: 'unknown (HTTP 200)' });
  });

  it('in WeChat shows the guidance and a kit from the note, without an app button, and calls nothing', async () => {
    const { ctx, state, publishTo } = setup('wechat', async () => KIT);
    await onPlatformTap(ctx, douyin);
    expect(publishTo).not.toHaveBeenCalled();
    expect(document.querySelector('[data-testid="wechat-guide"]')).not.toBeNull();
    expect(state.status).toContain('微信内无法打开抖音');
    const kit = state.panel as HTMLElement;
    expect(kit.querySelector('[data-testid="kit-open"]')).toBeNull();
    expect(kit.querySelectorAll('a[href^="snssdk"], a[download]')).toHaveLength(0);
    expect(kit.querySelectorAll('[data-testid="kit-media"] img')).toHaveLength(2);
  });

  it('on a computer sends app-only platforms to the QR code, without a publish call', async () => {
    const { ctx, state, publishTo, sent } = setup('desktop', async () => KIT);
    await onPlatformTap(ctx, kuaishou);
    expect(publishTo).not.toHaveBeenCalled();
    expect(state.status).toBe('快手只能在手机上发布：请用手机扫描二维码打开本页。');
    expect(state.panel?.dataset.testid).toBe('desktop-qr');
    expect(sent).toEqual([{ kind: 'publish_tapped', platform: 'kuaishou' }]);
  });
});
