// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { PostPreview, PublishPayload } from '../api/types';
import type { Child } from './dom';
import { onPublishTap, type PublishContext, type PublishUi } from './publish';
import type { ShareSource } from './source';
import { shareStrings } from './strings';
import { createTracker, type ShareEvent } from './tracker';
import type { XhsShareArgs } from './xhs';

const post: PostPreview = {
  id: 1,
  type: 'normal',
  title: '标题',
  content: '正文 #话题',
  coverUrl: null,
  imageUrls: ['https://img.example/1.jpg'],
  videoUrl: null,
  createdAt: '2024-10-01T00:00:00Z',
  updatedAt: '2024-10-01T00:00:00Z',
};
const payload: PublishPayload = {
  data: { appKey: 'red.k', nonce: 'n1', timestamp: 1727775600000, signature: 'ab'.repeat(32) },
  shareInfo: { type: 'normal', title: '标题', content: '正文 #话题', images: ['https://img.example/1.jpg'] },
};

function fakeUi() {
  const state = { status: '', kind: '', panel: null as HTMLElement | null };
  const text = (c: Child): string => (typeof c === 'string' ? c : c ? (c.textContent ?? '') : '');
  const ui: PublishUi = {
    setStatus: (kind, ...children) => Object.assign(state, { kind, status: children.map(text).join('') }),
    showPanel: (p) => void (state.panel = p),
    setBusy: () => undefined,
  };
  return { ui, state };
}

function ctx(mode: PublishContext['mode'], publish: ShareSource['publish']) {
  const { ui, state } = fakeUi();
  const source: ShareSource = {
    kind: 'operator',
    preview: async () => post,
    publish: vi.fn(publish),
    loginUrl: '/login?next=%2Fp%2F1',
  };
  return { c: { mode, source, post, s: shareStrings(), ui }, state, source };
}

describe('onPublishTap', () => {
  let calls: XhsShareArgs[];
  beforeEach(() => {
    calls = [];
    (window as unknown as { xhs: unknown }).xhs = { share: (a: XhsShareArgs) => calls.push(a) };
  });
  afterEach(() => {
    delete (window as unknown as { xhs?: unknown }).xhs;
    document.body.replaceChildren();
  });

  it('shows the WeChat guidance and neither fetches a payload nor calls the SDK', async () => {
    const { c, source } = ctx('wechat', async () => payload);
    await onPublishTap(c);
    expect(document.querySelector('[data-testid="wechat-guide"]')?.textContent).toContain('点击右上角 ··· 选择在浏览器打开');
    expect(source.publish).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it("calls xhs.share with the server's own objects on a phone", async () => {
    const { c, state } = ctx('sdk', async () => payload);
    await onPublishTap(c);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.shareInfo).toBe(payload.shareInfo);
    expect(calls[0]?.verifyConfig).toBe(payload.data);
    expect(state.status).toBe('正在打开小红书…');
  });

  it('shows the fail message and the manual fallback when the SDK fails', async () => {
    (window as unknown as { xhs: unknown }).xhs = { share: (a: XhsShareArgs) => a.fail({ errMsg: 'share:fail' }) };
    const { c, state } = ctx('sdk', async () => payload);
    await onPublishTap(c);
    expect(state.status).toBe('分享失败：share:fail');
    expect(state.panel?.dataset.testid).toBe('fallback');
  });

  it('offers the manual fallback when the server has no XHS credentials', async () => {
    const { c, state } = ctx('sdk', async () => {
      throw new ApiError(503, 'xhs_not_configured', 'no app key');
    });
    await onPublishTap(c);
    expect(state.kind).toBe('error');
    expect(state.status).toContain('未配置小红书开放平台凭据');
    expect(state.panel?.dataset.testid).toBe('fallback');
    expect(calls).toEqual([]);
  });

  it('links to the login page on a 401', async () => {
    const { c, state } = ctx('sdk', async () => {
      throw new ApiError(401, 'unauthorized', 'token expired');
    });
    await onPublishTap(c);
    expect(state.status).toContain('登录已失效');
    expect(state.status).toContain('去登录');
  });

  describe('on a public link', () => {
    function publicCtx(publish: ShareSource['publish']) {
      const { c, state } = ctx('sdk', publish);
      const sent: ShareEvent[] = [];
      const offers: number[] = [];
      const pc = {
        ...c,
        source: { ...c.source, kind: 'public' as const, loginUrl: null },
        track: createTracker((e) => sent.push(e)),
        offerConfirm: () => offers.push(1),
      };
      return { pc, state, sent, offers };
    }

    it('reports the tap, the SDK and the failure reason, and offers the note-link form', async () => {
      (window as unknown as { xhs: unknown }).xhs = {
        share: (a: XhsShareArgs) => a.fail({ code: -1, msg: '用户未安装小红书' }),
      };
      const { pc, sent, offers } = publicCtx(async () => payload);
      await onPublishTap(pc);
      expect(sent).toEqual([
        { kind: 'publish_tapped', platform: 'xhs' },
        { kind: 'sdk_loaded', platform: 'xhs' },
        { kind: 'sdk_failed', platform: 'xhs', reason: '用户未安装小红书 (-1)' },
      ]);
      expect(offers.length).toBe(1);
    });

    it('reports fallback_used when the person copies the text by hand', async () => {
      const { pc, state, sent } = publicCtx(async () => {
        throw new ApiError(503, 'xhs_not_configured', 'no app key');
      });
      await onPublishTap(pc);
      expect(state.status).toContain('暂不支持一键发布');
      (state.panel?.querySelector('[data-testid="fallback-copy"]') as HTMLElement).click();
      expect(sent.map((e) => e.kind)).toEqual(['publish_tapped', 'sdk_loaded', 'fallback_used']);
    });

    it('asks to retry after the Retry-After seconds on a 429', async () => {
      const { pc, state } = publicCtx(async () => {
        throw new ApiError(429, 'rate_limited', 'too many', [], null, 30);
      });
      await onPublishTap(pc);
      expect(state.status).toBe('请求太频繁，请 30 秒后重试');
    });

    it('says the link was revoked when it was revoked while the page was open', async () => {
      const { pc, state } = publicCtx(async () => {
        throw new ApiError(410, 'link_revoked', 'revoked');
      });
      await onPublishTap(pc);
      expect(state.status).toBe('此链接已被撤销');
    });
  });
});
