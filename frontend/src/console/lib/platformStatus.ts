/**
 * Each platform's credential status from `GET /api/platforms` (issue 21), and
 * what the console says about it: whether XHS hands a phone the copy kit, and
 * the setup steps per platform. Pure, so it is tested without a page.
 */
import type { components } from '../../api/schema';

export type SharePlatform = components['schemas']['SharePlatform'];
export type Handoff = components['schemas']['Handoff'];
/** The last token fetch of XHS (and Douyin); `error` is a stable code, never the platform's words. */
export type TokenCheck = components['schemas']['TokenCheck'];
/** One platform as `GET /api/platforms` answers it. */
export type PlatformStatus = components['schemas']['PlatformStatus'];
/** The answer of `GET /api/platforms`, in the server's platform order. */
export type PlatformList = components['schemas']['PlatformList'];

/** Green: works now; amber: works through the copy kit or its last token fetch failed; grey: not set up. */
export type StatusLevel = 'ok' | 'kit' | 'failing' | 'unconfigured';

export function statusLevel(s: PlatformStatus): StatusLevel {
  if (s.handoff === 'copy_kit' && s.platform === 'xhs') return 'kit';
  if (!s.configured) return 'unconfigured';
  if (s.token && !s.token.ok) return 'failing';
  return s.handoff === 'copy_kit' ? 'kit' : 'ok';
}

/** Whether a phone opening an XHS link gets the copy kit rather than the one-tap SDK. */
export function xhsUsesKit(list: readonly PlatformStatus[] | null): boolean {
  const x = list?.find((s) => s.platform === 'xhs');
  return x !== undefined && (x.handoff === 'copy_kit' || !x.configured);
}

/** The settings that turn a platform's own hand-off on (README "Configuration"); none for those without credentials. */
export const SETUP_VARS: Record<SharePlatform, readonly string[]> = {
  xhs: ['XHSPUB__XHS__APP_KEY', 'XHSPUB__XHS__APP_SECRET'],
  douyin: ['XHSPUB__DOUYIN__CLIENT_KEY', 'XHSPUB__DOUYIN__CLIENT_SECRET'],
  weibo: [],
  kuaishou: [],
  bilibili: [],
  channels: [],
};

/** Platforms whose status the dashboard should raise: XHS on the kit, anything failing. */
export function needsAttention(list: readonly PlatformStatus[]): PlatformStatus[] {
  return list.filter((s) => {
    const l = statusLevel(s);
    return l === 'failing' || (l === 'kit' && s.platform === 'xhs');
  });
}
