import { describe, expect, it } from 'vitest';
import { parsePlatforms, XHS_ONLY } from './platforms';

const douyin = { platform: 'douyin', name: '抖音', handoff: 'schema' };
const xhs = { platform: 'xhs', name: '小红书', handoff: 'sdk' };

describe('parsePlatforms', () => {
  it('keeps the offered platforms in the order the server gave', () => {
    const kit = { platform: 'kuaishou', name: '快手', handoff: 'copy_kit' };
    expect(parsePlatforms([douyin, xhs, kit])).toEqual([douyin, xhs, kit]);
  });

  it('treats a missing or malformed list as XHS only (a server from before multi-platform links)', () => {
    for (const raw of [undefined, null, 'xhs', { platform: 'xhs' }]) {
      expect(parsePlatforms(raw)).toEqual([{ platform: 'xhs', name: '小红书', handoff: 'sdk' }]);
    }
  });

  it('leaves out platforms and hand-offs it does not know, repeats, and the SDK for anything but XHS', () => {
    const raw = [
      { platform: 'tiktok', name: 'TikTok', handoff: 'url' },
      { platform: 'weibo', name: '微博', handoff: 'carrier-pigeon' },
      { platform: 'douyin', name: '抖音', handoff: 'sdk' },
      { platform: 'xhs', name: '小红书', handoff: 'copy_kit' },
      douyin,
      { ...douyin, name: '抖音 again' },
      'bilibili',
    ];
    expect(parsePlatforms(raw)).toEqual([douyin]);
  });

  it('falls back to XHS when nothing in the list is usable, and to the id when a name is empty', () => {
    expect(parsePlatforms([])).toEqual([...XHS_ONLY]);
    expect(parsePlatforms([{ platform: 'tiktok', handoff: 'url' }])).toEqual([...XHS_ONLY]);
    expect(parsePlatforms([{ platform: 'weibo', name: ' ', handoff: 'url' }])).toEqual([
      { platform: 'weibo', name: 'weibo', handoff: 'url' },
    ]);
  });

  it('returns a fresh list, so the caller cannot change the XHS-only default', () => {
    const a = parsePlatforms(undefined);
    a.push(douyin as never);
    expect(parsePlatforms(undefined)).toHaveLength(1);
  });
});
