import { describe, expect, it } from 'vitest';
import { shownImage } from './render';

const ORIGINAL = 'https://pub.example.com/media/ab/ab12.jpg';
const sizes = (over: Record<string, string> = {}) => ({
  url: ORIGINAL,
  thumb_url: 'https://pub.example.com/media/ab/ab12.thumb.jpg',
  screen_url: 'https://pub.example.com/media/ab/ab12.screen.jpg',
  phone_url: 'https://pub.example.com/media/ab/ab12.phone.jpg',
  ...over,
});

describe('the image the share page shows', () => {
  it('is the 1080 px rendition with the thumbnail beside it, never the original', () => {
    const shown = shownImage(ORIGINAL, sizes());
    expect(shown.src).toBe(sizes().screen_url);
    expect(shown.srcset).toBe(`${sizes().thumb_url} 320w, ${sizes().screen_url} 1080w`);
    expect(`${shown.src} ${shown.srcset}`).not.toContain('ab12.jpg');
  });

  it('is the image itself when the server has no renditions of it', () => {
    expect(shownImage('https://elsewhere.example/a.jpg', undefined)).toEqual({ src: 'https://elsewhere.example/a.jpg' });
  });

  it('has no srcset when the image is its own thumbnail (a small image)', () => {
    const small = sizes({ thumb_url: ORIGINAL, screen_url: ORIGINAL });
    expect(shownImage(ORIGINAL, small)).toEqual({ src: ORIGINAL });
  });

  it('ignores a rendition URL that is not http(s)', () => {
    expect(shownImage(ORIGINAL, sizes({ screen_url: 'javascript:alert(1)' }))).toEqual({ src: ORIGINAL });
  });
});
