// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fallbackPanel } from './panels';
import type { SharedNote } from './source';
import { shareStrings } from './strings';

const s = shareStrings();
const note: SharedNote = {
  type: 'normal',
  title: '咖啡探店',
  content: '正文',
  imageUrls: ['https://img.example/a.jpg', 'https://img.example/b.jpg'],
  coverUrl: null,
  videoUrl: null,
};
const q = (el: HTMLElement, id: string) => el.querySelectorAll(`[data-testid="${id}"]`);

describe('fallbackPanel', () => {
  it('in WeChat offers long-press images and no download link or app scheme', () => {
    const el = fallbackPanel(s, note, undefined, { wechat: true, primary: true });
    expect(q(el, 'fallback-open-app')).toHaveLength(0);
    expect(q(el, 'fallback-share-images')).toHaveLength(0);
    expect(el.querySelectorAll('a[href^="xhsdiscover"], a[download]')).toHaveLength(0);
    const imgs = [...el.querySelectorAll<HTMLImageElement>('[data-testid="fallback-long-press"] img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(note.imageUrls);
    expect(q(el, 'fallback-long-press')[0]?.textContent).toContain('长按');
    expect(el.querySelectorAll('.btn-primary')).toHaveLength(1);
  });

  it('next to a visible publish button has no primary button of its own', () => {
    const el = fallbackPanel(s, note);
    expect(q(el, 'fallback-open-app')[0]?.getAttribute('href')).toBe('xhsdiscover://');
    expect(el.querySelectorAll('.btn-primary')).toHaveLength(0);
  });

  it('holds the one primary button when the publish button is hidden', () => {
    const el = fallbackPanel(s, note, undefined, { primary: true });
    const primary = el.querySelectorAll('.btn-primary');
    expect(primary).toHaveLength(1);
    expect(primary[0]?.getAttribute('data-testid')).toBe('fallback-open-app');
  });
});
