// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { platformBar } from './buttons';
import { parsePlatforms } from './platforms';
import { shareStrings } from './strings';

const s = shareStrings();
const offered = parsePlatforms([
  { platform: 'xhs', name: '小红书', handoff: 'sdk' },
  { platform: 'douyin', name: '抖音', handoff: 'schema' },
  { platform: 'weibo', name: '微博', handoff: 'url' },
  { platform: 'kuaishou', name: '快手', handoff: 'copy_kit' },
]);
const footer = (platforms = offered): HTMLElement => {
  const el = document.createElement('footer');
  el.append(...platformBar(s, platforms).nodes);
  return el;
};

describe('platformBar', () => {
  it('shows one button per platform in the given order, the first the only primary one', () => {
    const el = footer();
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons.map((b) => b.dataset.platform)).toEqual(['xhs', 'douyin', 'weibo', 'kuaishou']);
    expect(buttons.map((b) => b.dataset.testid)).toEqual(['publish-button', 'platform-douyin', 'platform-weibo', 'platform-kuaishou']);
    expect([...el.querySelectorAll('.btn-primary')]).toEqual([buttons[0]]);
    expect(buttons.map((b) => b.textContent)).toEqual(['发布到小红书', '抖音', '微博', '快手']);
    expect(buttons.map((b) => b.classList.contains(`pf-${b.dataset.platform}`))).toEqual([true, true, true, true]);
  });

  it('names the leading platform in full when it is not XHS, and every button for screen readers', () => {
    const el = footer(parsePlatforms([offered[1], offered[0]]));
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button')];
    expect(buttons[0]?.textContent).toBe('发布到抖音');
    expect(buttons[0]?.classList.contains('btn-primary')).toBe(true);
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['发布到抖音', '发布到小红书']);
    expect(buttons[0]?.dataset.glyph).toBe('抖');
  });

  it('has no row of other platforms for an XHS-only link', () => {
    const el = footer(parsePlatforms(undefined));
    expect(el.querySelectorAll('button')).toHaveLength(1);
    expect(el.querySelector('[data-testid="platform-buttons"]')).toBeNull();
  });
});
