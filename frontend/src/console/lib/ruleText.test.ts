import { describe, expect, it } from 'vitest';
import type { Rule } from '../../lib/ruleText';
import { describeField, describeRule, type RuleVerdict } from './ruleText';

/** One verdict and what each language says for it. */
type Case = [name: string, v: RuleVerdict, zh: string, en: string];

/** A field error; `rule` may be one a newer server sends, which has no words here. */
const err = (rule: string, field: string, message: string, actual?: number, limit?: number): RuleVerdict => ({
  rule: rule as Rule,
  field,
  message,
  ...(actual !== undefined ? { actual } : {}),
  ...(limit !== undefined ? { limit } : {}),
});
const check = (level: 'ok' | 'warning' | 'error', v: RuleVerdict): RuleVerdict => ({ ...v, level });

// 422 field errors, and pre-flight checks of level `error` (same rules, same words).
const errors: Case[] = [
  ['one_of type', err('one_of', 'type', "type must be 'normal' or 'video', got 'x'"), '类型不是可选的值', 'Type is not one of the allowed values'],
  ['one_of account kind', err('one_of', 'kind', 'kind must be one of brand, …'), '类型不是可选的值', 'Kind is not one of the allowed values'],
  ['max_chars title', err('max_chars', 'title', 'title has 23 characters; XHS allows at most 20', 23, 20), '标题 23 字，最多 20 字', 'Title has 23 characters; at most 20'],
  ['max_chars content', err('max_chars', 'content', 'content has 1001 characters', 1001, 1000), '正文 1001 字，最多 1000 字', 'Text has 1001 characters; at most 1000'],
  ['max_chars name, no counts', err('max_chars', 'name', 'name has 51 characters; at most 50'), '名称太长了', 'Name is too long'],
  ['max_chars nickname, no counts', err('max_chars', 'nickname', 'nickname has 51 characters; at most 50'), '小红书昵称太长了', 'XHS nickname is too long'],
  ['max_chars label', err('max_chars', 'label', 'label has 51 characters; at most 50'), '标签太长了', 'Label is too long'],
  ['max_chars notes', err('max_chars', 'notes', 'notes has 501 characters; at most 500'), '备注太长了', 'Notes is too long'],
  ['max_chars reason', err('max_chars', 'reason', 'reason has 501 characters; at most 500'), '失败原因太长了', 'Reason is too long'],
  ['max_topics', err('max_topics', 'content', 'content has 11 #topics; XHS allows at most 10', 11, 10), '正文有 11 个话题，最多 10 个', 'Text has 11 #topics; at most 10'],
  ['min_items', err('min_items', 'image_urls', 'an image note needs at least 1 image', 0, 1), '图片至少需要 1 张，现在 0 张', 'Images: at least 1 needed, 0 given'],
  ['max_items', err('max_items', 'image_urls', 'an image note has 19 images; XHS allows at most 18', 19, 18), '图片 19 张，最多 18 张', '19 images; at most 18'],
  [
    'media_format',
    { ...err('media_format', 'image_urls[0]', 'Douyin takes png or jpg, not webp'), format: 'webp' },
    '第 1 张图是 webp 格式，抖音不支持（只收 png/jpg 图片、mp4/mov 视频）',
    'Image 1 is webp, a format Douyin does not take (png/jpg images, mp4/mov videos)',
  ],
  // The words come from `format`, never from the English message, even one that names a format.
  ['media_format without its format field', err('media_format', 'video_url', 'Douyin takes mp4 or mov, not avi'), '视频的格式抖音不支持（只收 png/jpg 图片、mp4/mov 视频）', 'Video is in a format Douyin does not take (png/jpg images, mp4/mov videos)'],
  ['one_of platforms[1]', err('one_of', 'platforms[1]', 'douyin is not configured on this server'), '第 2 个平台不是可选的值', 'Platform 2 is not one of the allowed values'],
  ['required video_url', err('required', 'video_url', 'a video note needs a video URL'), '视频不能为空', 'Video is required'],
  ['required account name', err('required', 'name', 'name must not be empty'), '名称不能为空', 'Name is required'],
  ['absolute_http_url image', err('absolute_http_url', 'image_urls[2]', 'image_urls[2] must be an absolute http(s) URL …'), '第 3 张图必须是手机能下载的完整 http(s) 地址', 'Image 3 must be a full http(s) URL that a phone can download'],
  ['absolute_http_url cover', err('absolute_http_url', 'cover_url', 'cover_url must be …'), '封面必须是手机能下载的完整 http(s) 地址', 'Cover must be a full http(s) URL that a phone can download'],
  ['absolute_http_url video', err('absolute_http_url', 'video_url', 'video_url must be …'), '视频必须是手机能下载的完整 http(s) 地址', 'Video must be a full http(s) URL that a phone can download'],
  ['range limit', err('range', 'limit', 'limit must be 1 to 100'), '每页数量超出允许范围', 'Page size is out of range'],
  ['range days', err('range', 'days', 'days must be 1 to 365'), '天数超出允许范围', 'Days is out of range'],
  ['range with a limit', err('range', 'days', 'days must be 1 to 365', 400, 365), '天数超出允许范围（最大 365）', 'Days is out of range (at most 365)'],
  ['well_formed cursor', err('well_formed', 'cursor', 'cursor must be a next_cursor this API returned'), '分页位置格式不正确', 'Page cursor is malformed'],
  ['well_formed body', err('well_formed', 'body', 'expected value at line 1'), '请求内容格式不正确', 'Request body is malformed'],
  ['well_formed version', err('well_formed', 'version', 'invalid type'), '版本号格式不正确', 'Version is malformed'],
  ['exists', err('exists', 'account_id', 'no account 9'), '发布账号不存在（可能已被删除）', 'Account does not exist (it may have been deleted)'],
  ['future', err('future', 'expires_at', 'expires_at must be in the future'), '有效期必须晚于现在', 'Expiry must be in the future'],
  [
    'xhs_note_url',
    err('xhs_note_url', 'note_url', 'note_url must be the link of a published XHS note'),
    '不是小红书笔记链接：请粘贴已发布笔记的链接（xiaohongshu.com/explore/… 或 xhslink.com/…）',
    'Not a XiaoHongShu note link: paste the link of a published note (xiaohongshu.com/explore/… or xhslink.com/…)',
  ],
];

// Pre-flight checks that passed.
const passed: Case[] = [
  ['one_of type', check('ok', err('one_of', 'type', 'type is normal')), '类型正确', 'Type is valid'],
  ['max_chars title', check('ok', err('max_chars', 'title', 'title has 12/20 characters', 12, 20)), '标题 12/20 字', 'Title: 12/20 characters'],
  ['max_chars content', check('ok', err('max_chars', 'content', 'content has 30/1000 characters', 30, 1000)), '正文 30/1000 字', 'Text: 30/1000 characters'],
  ['max_topics', check('ok', err('max_topics', 'content', '2/10 topics', 2, 10)), '话题 2/10 个', '#topics: 2/10'],
  ['media_count images', check('ok', err('media_count', 'image_urls', '3 image(s)', 3, 18)), '图片 3/18 张', 'Images: 3/18'],
  ['media_count video', check('ok', err('media_count', 'video_url', 'one video')), '已有视频', 'Video is set'],
];

// Pre-flight warnings.
const warnings: Case[] = [
  ['not_empty', check('warning', err('not_empty', 'title', 'the note has no title; …')), '标题为空：小红书允许，但有标题的笔记效果更好', 'Title is empty: XHS allows it, but notes with one do better'],
  ['reachable_from_phone', check('warning', err('reachable_from_phone', 'image_urls[0]', 'image_urls[0] points at a local …')), '第 1 张图指向本机或内网地址，手机无法加载', 'Image 1 points at a local or private address; phones cannot load it'],
  ['https', check('warning', err('https', 'cover_url', 'cover_url uses plain http; prefer https')), '封面使用 http，建议改用 https', 'Cover uses plain http; prefer https'],
  [
    'soft_max_items',
    check('warning', err('soft_max_items', 'image_urls', '12 images; many tools …', 12, 9)),
    '图片 12 张：不少工具和旧版 App 最多支持 9 张',
    '12 images; many tools and older app versions take at most 9',
  ],
  ['cover_recommended', check('warning', err('cover_recommended', 'cover_url', 'a video note should have a cover image')), '视频笔记最好设置封面', 'A video note should have a cover'],
  [
    'aspect_ratio',
    { ...check('warning', err('aspect_ratio', 'image_urls[1]', 'image_urls[1] is 1000x1000 (33% off the preferred 3:4); XHS will crop it')), width: 1000, height: 1000 },
    '第 2 张图（1000×1000）与推荐的 3:4 相差较大，小红书会裁剪',
    'Image 2 (1000×1000) is far from the preferred 3:4; XHS will crop it',
  ],
  [
    'aspect_ratio without width and height, whatever the message says',
    check('warning', err('aspect_ratio', 'cover_url', 'cover_url is 1000x1000 (33% off the preferred 3:4)')),
    '封面与推荐的 3:4 相差较大，小红书会裁剪',
    'Cover is far from the preferred 3:4; XHS will crop it',
  ],
  [
    'media_format without a format in the URL',
    check('warning', err('media_format', 'video_url', 'the URL does not tell its format; Douyin takes mp4 or mov')),
    '视频的地址看不出格式：抖音只收 png/jpg 图片、mp4/mov 视频',
    'Video: the URL does not tell its format; Douyin takes png/jpg images, mp4/mov videos',
  ],
  [
    'min_width',
    check('warning', err('min_width', 'image_urls[0]', 'image_urls[0] is 800 px wide; …', 800, 1080)),
    '第 1 张图宽 800 像素，至少 1080 像素在手机上才清晰',
    'Image 1 is 800 px wide; at least 1080 px looks sharp on phones',
  ],
];

describe('describeRule', () => {
  describe.each([
    ['field errors', errors],
    ['passed checks', passed],
    ['warnings', warnings],
  ] as const)('%s', (_, cases) => {
    it.each(cases)('%s', (_name, v, zh, en) => {
      expect(describeRule(v, 'zh')).toBe(zh);
      expect(describeRule(v, 'en')).toBe(en);
    });
  });

  it('words a pre-flight error like the same 422 field error', () => {
    const v = err('max_chars', 'title', 'title has 23 characters; XHS allows at most 20', 23, 20);
    expect(describeRule(check('error', v), 'zh')).toBe(describeRule(v, 'zh'));
    expect(describeRule(check('error', v), 'en')).toBe(describeRule(v, 'en'));
  });

  it("falls back to the server's message for a rule it does not know, in either language", () => {
    const v = err('max_hashtags_per_line', 'content', 'content has 4 #topics on one line; at most 3', 4, 3);
    expect(describeRule(v, 'zh')).toBe('content has 4 #topics on one line; at most 3');
    expect(describeRule(v, 'en')).toBe('content has 4 #topics on one line; at most 3');
  });

  it("falls back to the server's message for a passed check it has no words for", () => {
    // `required` has words for the problem only; a pass must not read like one.
    expect(describeRule(check('ok', err('required', 'video_url', 'video is set')), 'zh')).toBe('video is set');
  });

  it('is never blank: an unknown rule without a message shows field and rule', () => {
    expect(describeRule(err('new_rule', 'title', ''), 'zh')).toBe('title: new_rule');
    expect(describeRule(err('constructor', 'title', 'm'), 'zh')).toBe('m');
  });

  it('names an unknown field as the server sent it', () => {
    expect(describeRule(err('required', 'deadline', 'deadline must not be empty'), 'zh')).toBe('deadline不能为空');
    expect(describeRule(err('required', 'deadline', 'deadline must not be empty'), 'en')).toBe('Deadline is required');
  });

  it('words counting rules without numbers when the server sent none', () => {
    expect(describeRule(err('max_topics', 'content', 'too many'), 'zh')).toBe('正文的话题太多了');
    expect(describeRule(check('ok', err('max_chars', 'title', 'fine')), 'en')).toBe('Title is not too long');
    expect(describeRule(err('min_items', 'image_urls', 'needs one'), 'zh')).toBe('图片太少了');
    expect(describeRule(check('warning', err('min_width', 'image_urls[0]', 'narrow')), 'zh')).toBe('第 1 张图太窄，在手机上会模糊');
  });
});

describe('describeField', () => {
  it.each([
    ['title', '标题', 'Title'],
    ['content', '正文', 'Text'],
    ['type', '类型', 'Type'],
    ['image_urls', '图片', 'Images'],
    ['image_urls[0]', '第 1 张图', 'Image 1'],
    ['image_urls[11]', '第 12 张图', 'Image 12'],
    ['cover_url', '封面', 'Cover'],
    ['video_url', '视频', 'Video'],
    ['name', '名称', 'Name'],
    ['nickname', '小红书昵称', 'XHS nickname'],
    ['kind', '类型', 'Kind'],
    ['notes', '备注', 'Notes'],
    ['label', '标签', 'Label'],
    ['account_id', '发布账号', 'Account'],
    ['expires_at', '有效期', 'Expiry'],
    ['note_url', '笔记链接', 'Note link'],
    ['limit', '每页数量', 'Page size'],
    ['cursor', '分页位置', 'Page cursor'],
    ['days', '天数', 'Days'],
    ['version', '版本号', 'Version'],
    ['body', '请求内容', 'Request body'],
    ['platforms', '平台', 'Platforms'],
    ['platforms[0]', '第 1 个平台', 'Platform 1'],
    ['something_new', 'something_new', 'something_new'],
  ])('%s', (field, zh, en) => {
    expect(describeField(field, 'zh')).toBe(zh);
    expect(describeField(field, 'en')).toBe(en);
  });
});
