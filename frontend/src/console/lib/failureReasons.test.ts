import { describe, expect, it } from 'vitest';
import { failureGroup, groupFailures } from './failureReasons';

describe('failureGroup', () => {
  it.each([
    ['SDK load timeout after 8000ms', 'timeout'],
    ['加载超时', 'timeout'],
    ['user cancel', 'cancelled'],
    ['用户取消', 'cancelled'],
    ['xhs app not installed', 'not_installed'],
    ['cannot open scheme xhsdiscover://', 'not_installed'],
    ['用户未安装小红书 (-1)', 'not_installed'],
    ['invalid signature', 'signature'],
    ['签名校验失败', 'signature'],
    ['Network request failed', 'network'],
    ['TypeError: Failed to fetch', 'network'],
    ['something odd', 'other'],
    [null, 'other'],
  ] as const)('puts %j under %s', (reason, group) => {
    expect(failureGroup(reason)).toBe(group);
  });
});

describe('groupFailures', () => {
  it('adds up reasons of one cause, keeps the raw texts, and sorts by count', () => {
    const rows = groupFailures([
      { reason: 'boom', count: 1 },
      { reason: 'timeout', count: 2 },
      { reason: '加载超时', count: 5 },
      { reason: 'user cancel', count: 2 },
    ]);
    expect(rows.map((r) => [r.group, r.count, r.share])).toEqual([
      ['timeout', 7, 70],
      ['cancelled', 2, 20],
      ['other', 1, 10],
    ]);
    expect(rows[0]?.raw).toEqual([
      { reason: '加载超时', count: 5 },
      { reason: 'timeout', count: 2 },
    ]);
  });

  it('is empty without failures', () => {
    expect(groupFailures([])).toEqual([]);
  });
});
