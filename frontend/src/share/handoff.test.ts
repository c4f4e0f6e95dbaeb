import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import type { ShareHandout } from '../api/types';
import { failureReason, parseHandover, platformErrorText } from './handoff';
import type { Platform } from './platforms';
import { shareStrings } from './strings';

const s = shareStrings();
const douyin: Platform = { platform: 'douyin', name: '抖音', handoff: 'schema' };
const weibo: Platform = { platform: 'weibo', name: '微博', handoff: 'url' };
const kuaishou: Platform = { platform: 'kuaishou', name: '快手', handoff: 'copy_kit' };
const SCHEMA =
  'snssdk1128://openplatform/share?client_key=aw1&nonce_str=n&timestamp=1700000000&signature=ab&share_type=h5&state=s';

/** An answer as a proxy or a bug might send it, past the types. */
const raw = (v: unknown): ShareHandout => v as ShareHandout;

describe('parseHandover', () => {
  it('takes a Douyin schema as it came, signature and all', () => {
    expect(parseHandover(douyin, { handoff: 'schema', platform: 'douyin', url: SCHEMA })).toEqual({ handoff: 'schema', url: SCHEMA });
  });

  it('refuses a schema that is a web page or a script, and an answer for another platform', () => {
    for (const url of ['https://open.douyin.com/x', 'javascript:alert(1)//', 'data://x', '', 42]) {
      expect(() => parseHandover(douyin, raw({ handoff: 'schema', platform: 'douyin', url }))).toThrow(ApiError);
    }
    expect(() => parseHandover(douyin, { handoff: 'schema', platform: 'weibo', url: SCHEMA })).toThrow(/another platform/);
    expect(() => parseHandover(douyin, raw(null))).toThrow(ApiError);
  });

  it("goes by the answer's handoff tag: one that is not the platform's is refused, whatever the fields", () => {
    // Before the tag, a page guessed the kind from the fields; a Weibo-shaped answer for Douyin is not a schema.
    expect(() => parseHandover(douyin, { handoff: 'url', platform: 'douyin', url: SCHEMA })).toThrow(/handoff url, not schema/);
    expect(() => parseHandover(douyin, raw({ platform: 'douyin', url: SCHEMA }))).toThrow(/handoff undefined/);
    const sdk: ShareHandout = {
      handoff: 'sdk',
      data: { appKey: 'k', nonce: 'n', timestamp: 1, signature: 's' },
      shareInfo: { type: 'normal', title: 't', content: 'c', images: [] },
    };
    expect(() => parseHandover({ ...douyin, handoff: 'sdk' }, sdk)).toThrow(/XHS only/);
  });

  it('takes a Weibo share page only over http(s)', () => {
    const url = 'https://service.weibo.com/share/share.php?url=https%3A%2F%2Fx&title=%E6%A0%87&pic=https%3A%2F%2Fi%2F1.jpg';
    expect(parseHandover(weibo, { handoff: 'url', platform: 'weibo', url })).toEqual({ handoff: 'url', url });
    expect(() => parseHandover(weibo, { handoff: 'url', platform: 'weibo', url: 'sinaweibo://share' })).toThrow(ApiError);
  });

  it("keeps a kit's text, its web media and its app scheme; drops media that are not web URLs", () => {
    const kit = parseHandover(
      kuaishou,
      raw({
        handoff: 'copy_kit',
        platform: 'kuaishou',
        url: 'kwai://home',
        text: '标题\n\n正文 #话题',
        media: ['https://img.example/a.jpg', 'javascript:alert(1)', 7, 'https://img.example/v.mp4'],
      }),
    );
    expect(kit).toEqual({
      handoff: 'copy_kit',
      url: 'kwai://home',
      text: '标题\n\n正文 #话题',
      media: ['https://img.example/a.jpg', 'https://img.example/v.mp4'],
    });
  });

  it('gives a kit without a usable scheme no app button rather than a bad link, and needs its text', () => {
    const kit = parseHandover(kuaishou, { handoff: 'copy_kit', platform: 'kuaishou', url: 'https://evil.example', text: 't', media: [] });
    expect(kit).toEqual({ handoff: 'copy_kit', url: null, text: 't', media: [] });
    expect(() => parseHandover(kuaishou, raw({ handoff: 'copy_kit', platform: 'kuaishou', url: 'kwai://home', media: [] }))).toThrow(/no text/);
  });
});

describe('platformErrorText', () => {
  const err = (status: number, code: string, detail = 'upstream said: secret-ish internals') =>
    new ApiError(status, code, detail);

  it('words each platform code in Chinese with the platform name and never shows the detail', () => {
    const cases: [ApiError, string][] = [
      [err(503, 'platform_not_configured'), '暂不支持发布到抖音，请选择其他平台。'],
      [err(502, 'platform_rejected'), '抖音拒绝了这次发布请求，请稍后重试或选择其他平台。'],
      [err(504, 'platform_timeout'), '抖音没有及时响应，请重试。'],
      [err(422, 'validation_failed'), '这个链接不能发布到抖音，请选择其他平台。'],
      [err(502, 'platform_unavailable'), '抖音暂时不可用，请稍后重试或选择其他平台。'],
      [err(500, 'internal'), '抖音暂时不可用，请稍后重试或选择其他平台。'],
      [err(200, 'unknown'), '抖音暂时不可用，请稍后重试或选择其他平台。'],
    ];
    for (const [e, text] of cases) {
      expect(platformErrorText(s, e, '抖音')).toBe(text);
      expect(platformErrorText(s, e, '抖音')).not.toContain('secret');
    }
  });

  it('says what happened to the link itself, the network or the rate limit', () => {
    expect(platformErrorText(s, err(410, 'link_revoked'), '微博')).toBe('此链接已被撤销');
    expect(platformErrorText(s, err(404, 'not_found'), '微博')).toBe('链接不存在');
    expect(platformErrorText(s, err(0, 'network'), '微博')).toBe('网络错误，请重试');
    expect(platformErrorText(s, new ApiError(429, 'rate_limited', 'x', [], null, 12), '微博')).toBe(
      '请求太频繁，请 12 秒后重试',
    );
  });
});

describe('failureReason', () => {
  it("reports the platform's code, not its detail, and nothing for errors that are not the platform's", () => {
    expect(failureReason(new ApiError(504, 'platform_timeout', 'took 10.0s on 10.1.2.3'))).toBe('platform_timeout');
    expect(failureReason(new ApiError(502, 'unknown', '<html>bad gateway</html>'))).toBe('unknown (HTTP 502)');
    expect(failureReason(new ApiError(0, 'network', 'offline'))).toBeNull();
    expect(failureReason(new ApiError(410, 'link_expired', 'x'))).toBeNull();
    expect(failureReason(new ApiError(429, 'rate_limited', 'x'))).toBeNull();
  });
});
