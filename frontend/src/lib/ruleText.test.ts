import { describe, expect, it } from 'vitest';
import { fieldName, NOTE_URL_FIELDS, NOTE_URL_WORDS, ruleText, type RuleVerdict } from './ruleText';

/** The share page's words: what its confirm form (`note_url`) can meet. */
/** A verdict as the server sends it; its rule may be one this page has no words for. */
type Sent = Omit<RuleVerdict, 'rule'> & { rule: string };
const say = (v: Sent, lang: 'zh' | 'en') => ruleText(v as RuleVerdict, lang, NOTE_URL_WORDS, NOTE_URL_FIELDS);

describe('ruleText with the share words', () => {
  it('words xhs_note_url', () => {
    const v = { rule: 'xhs_note_url', field: 'note_url', message: 'note_url must be the link of a published XHS note' };
    expect(say(v, 'zh')).toBe('不是小红书笔记链接：请粘贴已发布笔记的链接（xiaohongshu.com/explore/… 或 xhslink.com/…）');
    expect(say(v, 'en')).toBe('Not a XiaoHongShu note link: paste the link of a published note (xiaohongshu.com/explore/… or xhslink.com/…)');
  });
  it('words well_formed and max_chars of the note link', () => {
    const bad = { rule: 'well_formed', field: 'note_url', message: 'invalid type: integer' };
    expect(say(bad, 'zh')).toBe('笔记链接格式不正确');
    expect(say(bad, 'en')).toBe('Note link is malformed');
    const long = { rule: 'max_chars', field: 'note_url', message: 'note_url has 600 characters; at most 500' };
    expect(say(long, 'zh')).toBe('笔记链接太长了');
    expect(say({ ...long, actual: 600, limit: 500 }, 'en')).toBe('Note link has 600 characters; at most 500');
  });
  it("falls back to the server's message for rules the share page has no words for", () => {
    const v = { rule: 'exists', field: 'account_id', message: 'no account 9' };
    expect(say(v, 'zh')).toBe('no account 9');
    expect(say({ ...v, level: 'ok' }, 'en')).toBe('no account 9');
  });
  it('ignores numbers that are not finite', () => {
    const v = { rule: 'max_chars', field: 'note_url', message: 'm', actual: Number.NaN, limit: 500 };
    expect(say(v, 'zh')).toBe('笔记链接太长了');
  });
});

describe('fieldName', () => {
  it('counts images from 1 and leaves unknown fields as they are', () => {
    expect(fieldName('image_urls[0]', 'zh', NOTE_URL_FIELDS)).toBe('第 1 张图');
    expect(fieldName('image_urls[4]', 'en', NOTE_URL_FIELDS)).toBe('image 5');
    expect(fieldName('note_url', 'zh', NOTE_URL_FIELDS)).toBe('笔记链接');
    expect(fieldName('toString', 'zh', NOTE_URL_FIELDS)).toBe('toString');
  });
});
