import { describe, expect, it } from 'vitest';
import { clipboardText, fileNameFor, isVideoUrl } from './fallback';

describe('clipboardText', () => {
  it('puts the title, a blank line, then the body with its line breaks', () => {
    expect(clipboardText('标题', '第一行\n#话题 ')).toBe('标题\n\n第一行\n#话题 ');
  });
  it('leaves out an empty title', () => {
    expect(clipboardText('  ', '正文')).toBe('正文');
  });
});

describe('fileNameFor', () => {
  it("keeps the URL's own file name", () => {
    expect(fileNameFor('https://img.example/a/%E5%9B%BE.png?x=1', 0, 'image/png')).toBe('图.png');
  });
  it('makes up a name from the position and type otherwise', () => {
    expect(fileNameFor('https://img.example/img/123', 2, 'image/webp')).toBe('xhs-3.webp');
    expect(fileNameFor('::', 0, '')).toBe('xhs-1.jpg');
  });
});

describe('isVideoUrl', () => {
  it('tells videos from images by the file name, ignoring the query', () => {
    expect(isVideoUrl('https://v.example/a/clip.MP4?sig=1')).toBe(true);
    expect(isVideoUrl('https://v.example/a/clip.mov')).toBe(true);
    expect(isVideoUrl('https://v.example/a/cover.jpg')).toBe(false);
    expect(isVideoUrl('not a url.mp4')).toBe(false);
  });
});
