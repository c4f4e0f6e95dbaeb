/**
 * The platforms one link offers (`platforms` of `GET /api/share/{token}`), in
 * the order the server wants them shown, and how each one looks. A server from
 * before multi-platform links sends no list: that link is XHS only.
 */

import { handoffValues, sharePlatformValues, type components } from '../api/schema';

export type PlatformId = components['schemas']['SharePlatform'];
export const PLATFORM_IDS: readonly PlatformId[] = sharePlatformValues;

/**
 * How the page hands the note over: `sdk` XHS's share SDK, `schema` a signed
 * app URL (Douyin), `url` a web share page (Weibo), `copy_kit` copy text,
 * save media, open the app.
 */
export type Handoff = components['schemas']['Handoff'];
export const HANDOFFS: readonly Handoff[] = handoffValues;

export interface Platform {
  platform: PlatformId;
  /** The platform's own name, in Chinese (小红书, 抖音, …). */
  name: string;
  handoff: Handoff;
}

export const XHS_ONLY: readonly Platform[] = [{ platform: 'xhs', name: '小红书', handoff: 'sdk' }];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

/**
 * The offered platforms from the server's answer. Entries this page cannot
 * serve (an unknown platform from a newer server, the SDK for anything but
 * XHS) and repeats are left out; no usable entry at all means XHS only.
 */
export function parsePlatforms(raw: unknown): Platform[] {
  if (!Array.isArray(raw)) return [...XHS_ONLY];
  const out: Platform[] = [];
  for (const e of raw) {
    if (!isRecord(e) || !oneOf(PLATFORM_IDS, e.platform) || !oneOf(HANDOFFS, e.handoff)) continue;
    if ((e.handoff === 'sdk') !== (e.platform === 'xhs')) continue;
    if (out.some((p) => p.platform === e.platform)) continue;
    const name = typeof e.name === 'string' && e.name.trim() !== '' ? e.name.trim() : e.platform;
    out.push({ platform: e.platform, name, handoff: e.handoff });
  }
  return out.length ? out : [...XHS_ONLY];
}

/**
 * The one-character badge each button wears. CSS draws it in the platform's
 * colours (share.css, `.pf-<id>`): no image host, no icon font.
 */
export const GLYPH: Record<PlatformId, string> = {
  xhs: '红',
  douyin: '抖',
  weibo: '微',
  kuaishou: '快',
  bilibili: 'B',
  channels: '视',
};

/** Platforms whose hand-off is a web page, so they work on a computer too. */
export const worksOnDesktop = (p: Platform): boolean => p.handoff === 'url';
