import { describe, expect, it } from 'vitest';
import type { Draft } from './draft';
import { emptyVariant, mergedDraft, nextLabel, sameVariant, variantToInput } from './variants';

const note: Draft = {
  type: 'normal',
  title: '原文标题',
  content: '原文正文',
  image_urls: ['https://img/1.jpg', 'https://img/2.jpg'],
  cover_url: 'https://img/2.jpg',
  video_url: null,
};

describe('variants', () => {
  it('leaves blank fields and no images to the note', () => {
    const v = { ...emptyVariant(' A '), title: '  ', content: '新正文' };
    expect(variantToInput(v)).toEqual({ label: 'A', title: null, content: '新正文', image_urls: null, cover_url: null });
    const m = mergedDraft(note, v);
    expect([m.title, m.content, m.image_urls, m.cover_url]).toEqual([note.title, '新正文', note.image_urls, note.cover_url]);
  });

  it('uses its own images with its own cover only when that cover is among them', () => {
    const v = { ...emptyVariant('B'), image_urls: ['https://img/9.jpg'], cover_url: 'https://img/2.jpg' };
    expect(variantToInput(v).cover_url).toBeNull();
    expect(mergedDraft(note, v).image_urls).toEqual(['https://img/9.jpg']);
    expect(mergedDraft(note, { ...v, cover_url: 'https://img/9.jpg' }).cover_url).toBe('https://img/9.jpg');
  });

  it('compares what would be sent and picks a free label', () => {
    expect(sameVariant({ ...emptyVariant('A'), title: ' ' }, emptyVariant('A'))).toBe(true);
    expect(sameVariant(emptyVariant('A'), emptyVariant('B'))).toBe(false);
    expect(nextLabel(['变体 a', '变体 B'])).toBe('变体 C');
  });
});
