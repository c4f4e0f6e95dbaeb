import { describe, expect, it } from 'vitest';
import type { Preflight } from '../../api/types';
import { defaultPlatforms, platformReasons, platformRows, platformState, samePlatforms, type PlatformVerdict } from './platforms';

const verdict = (platform: PlatformVerdict['platform'], over: Partial<PlatformVerdict> = {}): PlatformVerdict => ({
  platform,
  name: platform,
  handoff: 'copy_kit',
  ok: true,
  configured: true,
  checks: [],
  ...over,
});
const webp = { rule: 'media_format', field: 'image_urls[0]', level: 'error', format: 'webp', message: 'Douyin takes png or jpg, not webp' } as const;
const preflight = (platforms: PlatformVerdict[]): Preflight => ({ ok: true, topics: 0, checks: [], platforms });

describe('platform verdicts', () => {
  it('are green when the note can go there, red when refused, grey without credentials', () => {
    expect(platformState(verdict('xhs', { handoff: 'sdk' }))).toBe('ok');
    // XHS on the copy kit (no credentials) is never plain green, but stays usable.
    expect(platformState(verdict('xhs', { handoff: 'copy_kit' }))).toBe('kit');
    expect(platformState(verdict('xhs', { handoff: 'sdk' }), true)).toBe('kit');
    expect(platformState(verdict('xhs', { handoff: 'copy_kit', configured: false, ok: false }))).toBe('refused');
    expect(platformState(verdict('douyin', { ok: false, checks: [webp] }))).toBe('refused');
    // Not configured wins: fixing the note would not make it usable.
    expect(platformState(verdict('douyin', { ok: false, configured: false }))).toBe('unconfigured');
  });

  it('give the reasons: no credentials, errors before warnings, or the note failing XHS rules', () => {
    const warning = { rule: 'soft_max_items', field: 'image_urls', level: 'warning', message: 'm' } as const;
    expect(platformReasons(verdict('douyin', { ok: false, checks: [warning, webp] }))).toEqual([
      { kind: 'check', check: webp },
      { kind: 'check', check: warning },
    ]);
    expect(platformReasons(verdict('douyin', { configured: false }))).toEqual([{ kind: 'unconfigured' }]);
    expect(platformReasons(verdict('weibo', { ok: false }))).toEqual([{ kind: 'note', rules: [] }]);
    expect(platformReasons(verdict('weibo', { checks: [{ ...warning, level: 'ok' }] }))).toEqual([]);
  });
});

describe('a new link offers by default', () => {
  it('every configured platform the note passes, in the server order', () => {
    const pf = preflight([
      verdict('xhs'),
      verdict('douyin', { ok: false, checks: [webp] }),
      verdict('weibo'),
      verdict('kuaishou', { configured: false }),
      verdict('bilibili'),
    ]);
    expect(defaultPlatforms(pf)).toEqual(['xhs', 'weibo', 'bilibili']);
  });
  it('nothing before the verdicts arrive (the server then decides)', () => {
    expect(defaultPlatforms(null)).toEqual([]);
  });
  it('is changed by a different order as much as by a different set', () => {
    expect(samePlatforms(['xhs', 'weibo'], ['xhs', 'weibo'])).toBe(true);
    expect(samePlatforms(['weibo', 'xhs'], ['xhs', 'weibo'])).toBe(false);
    expect(samePlatforms(['xhs'], ['xhs', 'weibo'])).toBe(false);
  });
});

describe('the statistics per platform', () => {
  const counts = (platform: PlatformVerdict['platform'], taps: number, extra = {}) => ({
    platform,
    opens: 0,
    taps,
    sdk_loads: 0,
    app_opens: 0,
    failures: 0,
    fallbacks: 0,
    confirmed: 0,
    ...extra,
  });
  it('are rows with most taps first, ties in the vocabulary order, and each share of the taps', () => {
    const rows = platformRows([counts('kuaishou', 1), counts('xhs', 1, { app_opens: 1, confirmed: 1 }), counts('weibo', 2, { failures: 1 })]);
    expect(rows).toEqual([
      { platform: 'weibo', taps: 2, app_opens: 0, failures: 1, fallbacks: 0, confirmed: 0, share: 50 },
      { platform: 'xhs', taps: 1, app_opens: 1, failures: 0, fallbacks: 0, confirmed: 1, share: 25 },
      { platform: 'kuaishou', taps: 1, app_opens: 0, failures: 0, fallbacks: 0, confirmed: 0, share: 25 },
    ]);
  });
  it('have no share without taps', () => {
    expect(platformRows([counts('xhs', 0, { failures: 2 })])[0]?.share).toBeNull();
    expect(platformRows([])).toEqual([]);
  });
});
