import { describe, expect, it } from 'vitest';
import { needsAttention, type PlatformStatus, SETUP_VARS, statusLevel, xhsUsesKit } from './platformStatus';

const xhs = (over: Partial<PlatformStatus> = {}): PlatformStatus => ({
  platform: 'xhs',
  handoff: 'sdk',
  configured: true,
  token: { ok: true, checked_at: '2026-12-06T10:00:00Z', error: null },
  ...over,
});

describe('platform status', () => {
  it('calls XHS without credentials the copy kit, never ok', () => {
    const bare = xhs({ handoff: 'copy_kit', configured: false, token: null });
    expect(statusLevel(bare)).toBe('kit');
    expect(xhsUsesKit([bare])).toBe(true);
    expect(needsAttention([bare]).map((s) => s.platform)).toEqual(['xhs']);
  });

  it('calls XHS with credentials and a good token ok', () => {
    expect(statusLevel(xhs())).toBe('ok');
    expect(xhsUsesKit([xhs()])).toBe(false);
    expect(needsAttention([xhs()])).toEqual([]);
  });

  it('raises a failing last token fetch', () => {
    const failing = xhs({ token: { ok: false, checked_at: '2026-12-06T10:00:00Z', error: 'platform_rejected' } });
    expect(statusLevel(failing)).toBe('failing');
    expect(needsAttention([failing])).toHaveLength(1);
  });

  it('greys out an unconfigured Douyin and keeps kit platforms quiet', () => {
    expect(statusLevel({ platform: 'douyin', handoff: 'schema', configured: false, token: null })).toBe('unconfigured');
    const kuaishou: PlatformStatus = { platform: 'kuaishou', handoff: 'copy_kit', configured: true, token: null };
    expect(statusLevel(kuaishou)).toBe('kit');
    expect(needsAttention([kuaishou])).toEqual([]);
  });

  it('does not claim the kit before the list is known', () => {
    expect(xhsUsesKit(null)).toBe(false);
    expect(xhsUsesKit([])).toBe(false);
  });

  it('names the README settings for the platforms with credentials', () => {
    expect(SETUP_VARS.xhs).toEqual(['XHSPUB__XHS__APP_KEY', 'XHSPUB__XHS__APP_SECRET']);
    expect(SETUP_VARS.douyin).toContain('XHSPUB__DOUYIN__CLIENT_KEY');
  });
});
