/**
 * Each platform's credential status from `GET /api/platforms` (issue 21), and
 * what the console says about it: whether XHS hands a phone the copy kit, and
 * the setup steps per platform. Pure, so it is tested without a page.
 */
// TODO: from schema.ts once GET /api/platforms lands (these mirror the agreed contract exactly).
import type { components } from '../../api/schema';

export type SharePlatform = components['schemas']['SharePlatform'];
export type Handoff = components['schemas']['Handoff'];

/** The last token fetch of XHS (and Douyin); `error` is a stable code, never the platform's words. */
export interface TokenCheck {
  ok: boolean;
  /** RFC 3339. */
  checked_at: string;
  error: string | null;
}

/** One platform as `GET /api/platforms` answers it. */
export interface PlatformStatus {
  platform: SharePlatform;
  /** What a phone gets now (XHS without credentials: `copy_kit`). */
  handoff: Handoff;
  configured: boolean;
  token: TokenCheck | null;
}

/** The answer of `GET /api/platforms`, in the server's platform order. */
export interface PlatformList {
  platforms: PlatformStatus[];
}

/** The path as openapi-fetch types it, to call it through the one typed client until schema.ts has it. */
export interface PlatformsPaths {
  '/api/platforms': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { 'application/json': PlatformList } };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

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
