// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { campaignPaused, notOpenYet, untilText } from './render';
import { shareStrings } from './strings';

describe('a link that opens later', () => {
  const now = Date.parse('2026-12-06T08:00:00Z');

  it('counts down in days, hours and minutes, rounding the minutes up', () => {
    expect(untilText('2026-12-07T10:30:00Z', now, 'zh-CN')).toBe('1 天 2 小时 30 分钟');
    expect(untilText('2026-12-06T08:00:30Z', now, 'zh-CN')).toBe('1 分钟');
    expect(untilText('2026-12-06T09:05:00Z', now, 'en')).toBe('1 h 5 min');
    expect(untilText('2026-12-06T07:00:00Z', now, 'zh-CN')).toBe('0 分钟');
  });

  it('says when it opens instead of offering buttons', () => {
    const opens = new Date(Date.now() + 3 * 3600_000).toISOString();
    const box = notOpenYet(opens, { ...shareStrings(), lang: 'zh-CN' });
    expect(box.dataset.testid ?? box.getAttribute('data-testid')).toBe('share-not-open');
    expect(box.textContent).toContain('开放时间：');
    expect(box.querySelector('[data-testid="opens-countdown"]')?.textContent).toMatch(/^(2 小时 59|3 小时 0) 分钟$/);
    expect(box.querySelector('button')).toBeNull();
  });
});

describe('a link held by a paused campaign', () => {
  it('says in Chinese that the campaign is paused, with no date and no buttons', () => {
    const box = campaignPaused({ ...shareStrings(), lang: 'zh-CN' });
    expect(box.getAttribute('data-testid') ?? box.dataset.testid).toBe('share-paused');
    expect(box.textContent).toContain('活动已暂停');
    expect(box.textContent).not.toMatch(/9000|开放时间/);
    expect(box.querySelector('button')).toBeNull();
  });
});
