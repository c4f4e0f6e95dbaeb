/**
 * The server's verdicts on fields (422 `errors[]`, pre-flight `checks[]`) in
 * the reader's language. The server words them in English; each carries a
 * stable `rule`, the `field` and, where the rule has them, structured values
 * (`actual` and `limit` for counting rules, an image's `width` and `height`, a
 * media `format`), which is all a page needs to say it itself: no page reads
 * the English `message` for its words. A rule (or a missing number) a
 * page has no words for falls back to the server's `message`, so a newer
 * server's rule is never shown blank.
 *
 * This file is the engine plus the few words the share page needs (its confirm
 * form only meets `note_url`); the console adds the rest in
 * console/lib/ruleText.ts, so the phone never downloads them.
 */
import type { components } from '../api/schema';

export type Lang = 'zh' | 'en';
/** A rule of a field error or a pre-flight check (the document's `Rule` enum). */
export type Rule = components['schemas']['Rule'];
/** A pre-flight verdict's level (the document's `Level` enum). */
export type Level = components['schemas']['Level'];

/**
 * One verdict: a 422 field error (`ProblemField`) or a pre-flight check
 * (`PreflightCheck`). Structured values only: the words never come from
 * reading `message`.
 */
export interface RuleVerdict {
  rule: Rule;
  field: string;
  /** Pre-flight: `ok`, `warning` or `error`; a 422 field error has none (an error). */
  level?: Level | undefined;
  actual?: number | null | undefined;
  limit?: number | null | undefined;
  /** `aspect_ratio`: the image's size in pixels. */
  width?: number | null | undefined;
  height?: number | null | undefined;
  /** `media_format`: the format the URL names; absent when it names none. */
  format?: string | null | undefined;
  /** The server's English sentence, shown for a rule without words. */
  message: string;
}

/** What a phrase is built from. */
export interface RuleParts {
  /** The field in words (`标题`, `第 3 张图`, `title`); the raw name when unknown. */
  f: string;
  /** The raw field name (`image_urls[2]`). */
  field: string;
  /** `actual` and `limit`, or null when the server sent none. */
  a: number | null;
  l: number | null;
  /** The level; null for a 422 field error. */
  level: Level | null;
  /** `width`×`height`, or null when the server sent no size. */
  size: [number, number] | null;
  /** The media format the server named, or null. */
  format: string | null;
  message: string;
}

/** A phrase in one language; null when it cannot be said (the server's message is shown). */
export type Phrase = (p: RuleParts) => string | null;

/**
 * Words per rule: the key `rule` words a problem (error or warning), the key
 * `rule.ok` a passed pre-flight check of that rule.
 */
export type RuleWords = Record<string, Record<Lang, Phrase>>;

/** Field names in words, per language. `image_urls[N]` is worded by the engine. */
export type FieldWords = Record<Lang, Record<string, string>>;

const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);
const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A field name in words; `image_urls[2]` is the third image. */
export function fieldName(field: string, lang: Lang, labels: FieldWords): string {
  const img = /^image_urls\[(\d+)\]$/.exec(field);
  if (img?.[1] !== undefined) {
    const n = Number(img[1]) + 1;
    return lang === 'zh' ? `第 ${n} 张图` : `image ${n}`;
  }
  return own(labels[lang], field) ?? field;
}

/** The verdict as a sentence in `lang`, or the server's message when there are no words for it. */
export function ruleText(v: RuleVerdict, lang: Lang, words: RuleWords, labels: FieldWords): string {
  const key = v.level === 'ok' ? `${v.rule}.ok` : v.rule;
  const phrase = own(words, key)?.[lang];
  const width = num(v.width);
  const height = num(v.height);
  const text = phrase?.({
    f: fieldName(v.field, lang, labels),
    field: v.field,
    a: num(v.actual),
    l: num(v.limit),
    level: v.level ?? null,
    size: width !== null && height !== null ? [width, height] : null,
    format: typeof v.format === 'string' && v.format !== '' ? v.format : null,
    message: v.message,
  });
  if (!text) return v.message || [v.field, v.rule].filter(Boolean).join(': ');
  return lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** Both numbers, or null. */
export const counted = (p: RuleParts): [number, number] | null => (p.a !== null && p.l !== null ? [p.a, p.l] : null);

/** What the share page's confirm form (`note_url`) can meet; the console's words include these. */
export const NOTE_URL_WORDS = {
  xhs_note_url: {
    zh: () => '不是小红书笔记链接：请粘贴已发布笔记的链接（xiaohongshu.com/explore/… 或 xhslink.com/…）',
    en: () => 'not a XiaoHongShu note link: paste the link of a published note (xiaohongshu.com/explore/… or xhslink.com/…)',
  },
  well_formed: {
    zh: (p) => `${p.f}格式不正确`,
    en: (p) => `${p.f} is malformed`,
  },
  max_chars: {
    zh: (p) => {
      const c = counted(p);
      return c ? `${p.f} ${c[0]} 字，最多 ${c[1]} 字` : `${p.f}太长了`;
    },
    en: (p) => {
      const c = counted(p);
      return c ? `${p.f} has ${c[0]} characters; at most ${c[1]}` : `${p.f} is too long`;
    },
  },
} satisfies RuleWords;

export const NOTE_URL_FIELDS: FieldWords = {
  zh: { note_url: '笔记链接' },
  en: { note_url: 'note link' },
};
