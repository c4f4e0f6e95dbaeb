import { reactive } from 'vue';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../api/types';
import { cloneDraft, coverOf, draftFromPost, draftToInput, emptyDraft, moveItem, sameInput, splitUrls } from './draft';
import { snippet } from './format';

const post: Post = {
  id: 1,
  type: 'normal',
  title: 't',
  content: 'c',
  cover_url: 'https://i/2.jpg',
  image_urls: ['https://i/1.jpg', 'https://i/2.jpg'],
  video_url: null,
  version: 3,
  created_at: '2024-10-01T00:00:00Z',
  updated_at: '2024-10-01T00:00:00Z',
  review_status: 'draft',
};

describe('draftToInput', () => {
  it('sends images and the cover for an image note, never a video', () => {
    const d = { ...draftFromPost(post), video_url: 'https://v/1.mp4' };
    expect(draftToInput(d)).toEqual({
      type: 'normal',
      title: 't',
      content: 'c',
      image_urls: ['https://i/1.jpg', 'https://i/2.jpg'],
      cover_url: 'https://i/2.jpg',
      video_url: null,
    });
  });
  it('drops a cover that is no longer among the images', () => {
    const d = { ...draftFromPost(post), image_urls: ['https://i/1.jpg'] };
    expect(draftToInput(d).cover_url).toBeNull();
  });
  it('sends video and cover for a video note, no images, blanks as null', () => {
    const d = { ...draftFromPost(post), type: 'video' as const, video_url: ' https://v/1.mp4 ', cover_url: ' ' };
    expect(draftToInput(d)).toMatchObject({ type: 'video', image_urls: [], video_url: 'https://v/1.mp4', cover_url: null });
  });
});

describe('sameInput', () => {
  it('ignores what the chosen type does not send', () => {
    const a = emptyDraft();
    expect(sameInput(a, { ...a, video_url: 'https://v' })).toBe(true);
    expect(sameInput(a, { ...a, title: 'x' })).toBe(false);
  });
});

describe('moveItem', () => {
  it('moves up, down and clamps at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
  it('does not touch the input list', () => {
    const list = ['a', 'b'];
    moveItem(list, 1, 0);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('splitUrls', () => {
  it('splits a pasted block on lines, spaces and commas', () => {
    expect(splitUrls('https://a/1.jpg\nhttps://a/2.jpg, https://a/3.jpg，https://a/4.jpg  ')).toEqual([
      'https://a/1.jpg',
      'https://a/2.jpg',
      'https://a/3.jpg',
      'https://a/4.jpg',
    ]);
  });
});

describe('coverOf and snippet', () => {
  it('uses the cover, else the first image', () => {
    expect(coverOf(post)).toBe('https://i/2.jpg');
    expect(coverOf({ cover_url: null, image_urls: ['x'] })).toBe('x');
    expect(coverOf({ cover_url: null, image_urls: [] })).toBeNull();
  });
  it('cuts a body to one line of code points', () => {
    expect(snippet('一二三\n四五', 4)).toBe('一二三…');
    expect(snippet('short')).toBe('short');
  });
});

describe('cloneDraft', () => {
  it('copies a reactive draft into a plain, cloneable object', () => {
    const live = reactive(draftFromPost(post));
    const copy = cloneDraft(live);
    expect(() => structuredClone(copy)).not.toThrow();
    live.image_urls.push('https://i/3.jpg');
    expect(copy.image_urls).toHaveLength(2);
  });
});

import { toggleOrdered, withMedia } from './draft';

describe('withMedia', () => {
  const base = { ...emptyDraft(), image_urls: ['https://s/media/aa/old.jpg'] };
  it('appends images in order, skips ones already there, and takes the last video', () => {
    const d = withMedia(base, [
      { kind: 'image', url: 'https://s/media/11/p1.png' },
      { kind: 'video', url: 'https://s/media/22/v.mp4' },
      { kind: 'image', url: 'https://s/media/aa/old.jpg' },
      { kind: 'image', url: 'https://s/media/33/p2.jpg' },
      { kind: 'image', url: 'https://s/media/11/p1.png' },
    ]);
    expect(d.image_urls).toEqual(['https://s/media/aa/old.jpg', 'https://s/media/11/p1.png', 'https://s/media/33/p2.jpg']);
    expect(d.video_url).toBe('https://s/media/22/v.mp4');
    expect(d.type).toBe('normal');
  });
  it('keeps the video when only images arrive', () => {
    expect(withMedia({ ...base, video_url: 'https://v' }, [{ kind: 'image', url: 'https://i' }]).video_url).toBe('https://v');
  });
});

describe('toggleOrdered', () => {
  it('appends new items and removes chosen ones, keeping the order of the rest', () => {
    expect(toggleOrdered(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleOrdered(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
