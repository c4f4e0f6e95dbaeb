import { describe, expect, it } from 'vitest';
import { countChars, countTopics, splitTopics, counter } from './text';

describe('countChars', () => {
  it('counts each 汉字 as one character', () => {
    expect(countChars('小红书一键发布')).toBe(7);
  });
  it('counts an emoji outside the BMP as one character, unlike String.length', () => {
    expect('😀'.length).toBe(2);
    expect(countChars('好😀')).toBe(2);
  });
  it('counts an empty string as zero', () => {
    expect(countChars('')).toBe(0);
  });
});

describe('countTopics', () => {
  it('counts hash words followed by a space or the end', () => {
    expect(countTopics('#旅行 #美食 今天')).toBe(2);
    expect(countTopics('结尾话题 #穿搭')).toBe(1);
  });
  it('ignores a lone hash and a hash word glued to another hash', () => {
    expect(countTopics('no topic # here')).toBe(0);
    expect(countTopics('#a#b ')).toBe(1);
    expect(countTopics('')).toBe(0);
  });
  it('treats a newline as the end of a topic', () => {
    expect(countTopics('#早餐\n第二行')).toBe(1);
  });
  it('runs a topic up to the next whitespace, punctuation included, like the server', () => {
    expect(splitTopics('#旅行，出发 啦').filter((s) => s.topic)).toEqual([{ text: '#旅行，出发', topic: true }]);
  });
});

describe('splitTopics', () => {
  it('keeps every character and marks topics', () => {
    const segs = splitTopics('今天 #旅行 好开心\n#美食');
    expect(segs.map((s) => s.text).join('')).toBe('今天 #旅行 好开心\n#美食');
    expect(segs.filter((s) => s.topic).map((s) => s.text)).toEqual(['#旅行', '#美食']);
  });
  it('returns plain text unchanged when there is no topic', () => {
    expect(splitTopics('<img src=x onerror=alert(1)>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', topic: false },
    ]);
  });
});

describe('counter', () => {
  it('is over only above the maximum', () => {
    expect(counter(20, 20).over).toBe(false);
    expect(counter(21, 20).over).toBe(true);
  });
});
