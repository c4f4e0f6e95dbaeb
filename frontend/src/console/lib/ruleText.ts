/**
 * Every rule the server words in English (422 field errors, pre-flight
 * checks), worded by the console in Chinese or English from `rule`, `field`
 * and the counts. Pure: the language is a parameter (i18n/index.ts passes the
 * chosen one). Unknown rules fall back to the server's message (lib/ruleText.ts).
 */
import {
  counted,
  fieldName,
  type FieldWords,
  type Lang,
  NOTE_URL_FIELDS,
  NOTE_URL_WORDS,
  type RuleParts,
  type RuleVerdict,
  type RuleWords,
  ruleText,
} from '../../lib/ruleText';
import { sharePlatformValues } from '../../api/schema';

export type { Lang, RuleVerdict } from '../../lib/ruleText';

/** The unit of a list's items in Chinese: images are 张, anything else 项. */
const unit = (p: RuleParts): string => (p.field.startsWith('image') ? '张' : '项');

/** The image's size (`aspect_ratio`), from the check's `width` and `height`. */
const size = (p: RuleParts): string | null => (p.size ? `${p.size[0]}×${p.size[1]}` : null);

/**
 * The format a media-format check names: its `format`; '' when the URL names
 * none (the server's warning), null when an error came without one.
 */
const format = (p: RuleParts): string | null => p.format ?? (p.level === 'warning' ? '' : null);

/** `platforms[1]`, a link's second platform (the engine only numbers images). */
const platformSlots = (word: (n: number) => string): Record<string, string> =>
  Object.fromEntries(sharePlatformValues.map((_, i) => [`platforms[${i}]`, word(i + 1)]));

export const RULE_WORDS = {
  ...NOTE_URL_WORDS,
  'max_chars.ok': {
    zh: (p) => {
      const c = counted(p);
      return c ? `${p.f} ${c[0]}/${c[1]} 字` : `${p.f}字数符合要求`;
    },
    en: (p) => {
      const c = counted(p);
      return c ? `${p.f}: ${c[0]}/${c[1]} characters` : `${p.f} is not too long`;
    },
  },
  max_topics: {
    zh: (p) => {
      const c = counted(p);
      return c ? `${p.f}有 ${c[0]} 个话题，最多 ${c[1]} 个` : `${p.f}的话题太多了`;
    },
    en: (p) => {
      const c = counted(p);
      return c ? `${p.f} has ${c[0]} #topics; at most ${c[1]}` : `${p.f} has too many #topics`;
    },
  },
  'max_topics.ok': {
    zh: (p) => {
      const c = counted(p);
      return c ? `话题 ${c[0]}/${c[1]} 个` : '话题数量符合要求';
    },
    en: (p) => {
      const c = counted(p);
      return c ? `#topics: ${c[0]}/${c[1]}` : 'not too many #topics';
    },
  },
  one_of: {
    zh: (p) => `${p.f}不是可选的值`,
    en: (p) => `${p.f} is not one of the allowed values`,
  },
  'one_of.ok': {
    zh: (p) => `${p.f}正确`,
    en: (p) => `${p.f} is valid`,
  },
  min_items: {
    zh: (p) => {
      const c = counted(p);
      return c ? `${p.f}至少需要 ${c[1]} ${unit(p)}，现在 ${c[0]} ${unit(p)}` : `${p.f}太少了`;
    },
    en: (p) => {
      const c = counted(p);
      return c ? `${p.f}: at least ${c[1]} needed, ${c[0]} given` : `${p.f}: too few`;
    },
  },
  max_items: {
    zh: (p) => {
      const c = counted(p);
      return c ? `${p.f} ${c[0]} ${unit(p)}，最多 ${c[1]} ${unit(p)}` : `${p.f}太多了`;
    },
    en: (p) => {
      const c = counted(p);
      return c ? `${c[0]} ${p.f}; at most ${c[1]}` : `${p.f}: too many`;
    },
  },
  'media_count.ok': {
    zh: (p) => {
      const c = counted(p);
      return c ? `${p.f} ${c[0]}/${c[1]} ${unit(p)}` : `已有${p.f}`;
    },
    en: (p) => {
      const c = counted(p);
      return c ? `${p.f}: ${c[0]}/${c[1]}` : `${p.f} is set`;
    },
  },
  media_count: {
    zh: (p) => `${p.f}数量不符合要求`,
    en: (p) => `${p.f}: wrong number of items`,
  },
  required: {
    zh: (p) => `${p.f}不能为空`,
    en: (p) => `${p.f} is required`,
  },
  absolute_http_url: {
    zh: (p) => `${p.f}必须是手机能下载的完整 http(s) 地址`,
    en: (p) => `${p.f} must be a full http(s) URL that a phone can download`,
  },
  range: {
    zh: (p) => (p.l !== null ? `${p.f}超出允许范围（最大 ${p.l}）` : `${p.f}超出允许范围`),
    en: (p) => (p.l !== null ? `${p.f} is out of range (at most ${p.l})` : `${p.f} is out of range`),
  },
  exists: {
    zh: (p) => `${p.f}不存在（可能已被删除）`,
    en: (p) => `${p.f} does not exist (it may have been deleted)`,
  },
  future: {
    zh: (p) => `${p.f}必须晚于现在`,
    en: (p) => `${p.f} must be in the future`,
  },
  not_empty: {
    zh: (p) => `${p.f}为空：小红书允许，但有${p.f}的笔记效果更好`,
    en: (p) => `${p.f} is empty: XHS allows it, but notes with one do better`,
  },
  reachable_from_phone: {
    zh: (p) => `${p.f}指向本机或内网地址，手机无法加载`,
    en: (p) => `${p.f} points at a local or private address; phones cannot load it`,
  },
  https: {
    zh: (p) => `${p.f}使用 http，建议改用 https`,
    en: (p) => `${p.f} uses plain http; prefer https`,
  },
  soft_max_items: {
    zh: (p) => {
      const c = counted(p);
      return c
        ? `${p.f} ${c[0]} ${unit(p)}：不少工具和旧版 App 最多支持 ${c[1]} ${unit(p)}`
        : `${p.f}较多：不少工具和旧版 App 不支持`;
    },
    en: (p) => {
      const c = counted(p);
      return c
        ? `${c[0]} ${p.f}; many tools and older app versions take at most ${c[1]}`
        : `${p.f}: many tools and older app versions take fewer`;
    },
  },
  cover_recommended: {
    zh: (p) => `视频笔记最好设置${p.f}`,
    en: (p) => `a video note should have a ${p.f}`,
  },
  aspect_ratio: {
    zh: (p) => {
      const s = size(p);
      return `${p.f}${s ? `（${s}）` : ''}与推荐的 3:4 相差较大，小红书会裁剪`;
    },
    en: (p) => {
      const s = size(p);
      return `${p.f}${s ? ` (${s})` : ''} is far from the preferred 3:4; XHS will crop it`;
    },
  },
  control_character: {
    zh: (p) => `${p.f}含有不可见的控制字符，请删除后再试`,
    en: (p) => `${p.f} contains an invisible control character; remove it and try again`,
  },
  min_width: {
    zh: (p) => {
      const c = counted(p);
      return c ? `${p.f}宽 ${c[0]} 像素，至少 ${c[1]} 像素在手机上才清晰` : `${p.f}太窄，在手机上会模糊`;
    },
    en: (p) => {
      const c = counted(p);
      return c ? `${p.f} is ${c[0]} px wide; at least ${c[1]} px looks sharp on phones` : `${p.f} is narrow and looks soft on phones`;
    },
  },
  media_format: {
    zh: (p) => {
      const f = format(p);
      if (f === '') return `${p.f}的地址看不出格式：抖音只收 png/jpg 图片、mp4/mov 视频`;
      return `${p.f}${f ? `是 ${f} 格式，` : '的格式'}抖音不支持（只收 png/jpg 图片、mp4/mov 视频）`;
    },
    en: (p) => {
      const f = format(p);
      if (f === '') return `${p.f}: the URL does not tell its format; Douyin takes png/jpg images, mp4/mov videos`;
      return `${p.f} is ${f ? `${f}, a format` : 'in a format'} Douyin does not take (png/jpg images, mp4/mov videos)`;
    },
  },
  after: {
    zh: (p) => `${p.f}必须晚于开始时间`,
    en: (p) => `${p.f} must come after the start`,
  },
  daily_window: {
    zh: (p) => `${p.f}不在每日发布时段内`,
    en: (p) => `${p.f} lies outside the daily window`,
  },
  day_limit: {
    zh: (p) => (p.l !== null ? `${p.f}：该账号当天已满（每天最多 ${p.l} 篇）` : `${p.f}：该账号当天已满`),
    en: (p) => (p.l !== null ? `${p.f}: the account's day is full (at most ${p.l} a day)` : `${p.f}: the account's day is full`),
  },
  min_gap: {
    zh: (p) => (p.l !== null ? `${p.f}：与该账号的另一篇间隔不足 ${p.l} 分钟` : `${p.f}：与该账号的另一篇间隔太近`),
    en: (p) => (p.l !== null ? `${p.f}: less than ${p.l} minutes from another note of the account` : `${p.f}: too close to another note of the account`),
  },
  unique: {
    zh: (p) => `${p.f}已被占用`,
    en: (p) => `${p.f} is already taken`,
  },
  fetchable: {
    zh: (p) => `${p.f}下载失败：请检查地址能否在浏览器打开，或先上传到素材库再填写素材库地址`,
    en: (p) => `${p.f} could not be downloaded: check that the address opens in a browser, or upload the file to the media library and use its address`,
  },
} satisfies RuleWords;

/**
 * Every rule of the OpenAPI document (its `Rule` enum) has words: a rule added
 * on the server without them fails the type check here, naming it.
 */
type MissingRule = Exclude<import('../../api/errors').Rule, keyof typeof RULE_WORDS>;
export const allRulesWorded: [MissingRule] extends [never] ? true : MissingRule = true;

export const FIELD_WORDS: FieldWords = {
  zh: {
    ...NOTE_URL_FIELDS.zh,
    title: '标题',
    content: '正文',
    type: '类型',
    image_urls: '图片',
    cover_url: '封面',
    video_url: '视频',
    name: '名称',
    nickname: '小红书昵称',
    kind: '类型',
    notes: '备注',
    xhs_id: '小红书号',
    label: '标签',
    account_id: '发布账号',
    expires_at: '有效期',
    reason: '失败原因',
    limit: '每页数量',
    cursor: '分页位置',
    days: '天数',
    version: '版本号',
    body: '请求内容',
    platforms: '平台',
    group_id: '分组',
    account_ids: '账号',
    q: '搜索词',
    ...platformSlots((n) => `第 ${n} 个平台`),
  },
  en: {
    ...NOTE_URL_FIELDS.en,
    title: 'title',
    content: 'text',
    type: 'type',
    image_urls: 'images',
    cover_url: 'cover',
    video_url: 'video',
    name: 'name',
    nickname: 'XHS nickname',
    kind: 'kind',
    notes: 'notes',
    xhs_id: 'XHS ID',
    label: 'label',
    account_id: 'account',
    expires_at: 'expiry',
    reason: 'reason',
    limit: 'page size',
    cursor: 'page cursor',
    days: 'days',
    version: 'version',
    body: 'request body',
    platforms: 'platforms',
    group_id: 'group',
    account_ids: 'accounts',
    q: 'search',
    ...platformSlots((n) => `platform ${n}`),
  },
};

/** A server verdict (422 field error or pre-flight check) as a sentence in `lang`. */
export const describeRule = (v: RuleVerdict, lang: Lang): string => ruleText(v, lang, RULE_WORDS, FIELD_WORDS);

/**
 * A server field name in words, capitalised in English (a label on its own);
 * a field without words as the server sent it.
 */
export function describeField(field: string, lang: Lang): string {
  const s = fieldName(field, lang, FIELD_WORDS);
  const known = Object.hasOwn(FIELD_WORDS.en, field) || /^image_urls\[\d+\]$/.test(field);
  return lang === 'en' && known ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
