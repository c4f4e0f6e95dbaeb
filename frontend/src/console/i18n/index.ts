/**
 * A minimal i18n: a reactive locale, a typed `t()`, and translated error
 * codes. The choice is remembered in localStorage (the share page reads it too).
 */
import { ref } from 'vue';
import type { ApiError } from '../../api/errors';
import { describeField, describeRule, type RuleVerdict } from '../lib/ruleText';
import { en, zh, type MessageKey } from './messages';

export type Locale = 'zh' | 'en';
export const LANG_KEY = 'xhspub.lang';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export const locale = ref<Locale>(initialLocale());

export function setLocale(l: Locale): void {
  locale.value = l;
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(LANG_KEY, l);
  } catch {
    // not remembered, still switched
  }
}

export type Params = Record<string, string | number>;

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Reads `locale`, so templates using it re-render on a switch. */
export function t(key: MessageKey, params?: Params): string {
  const dict: Record<MessageKey, string> = locale.value === 'en' ? en : zh;
  return format(dict[key], params);
}

/**
 * A person-readable sentence for an API error: the code's text, then what went
 * wrong. Field errors are worded from their rules (ruleMessage); those of the
 * `shown` fields are left out (the form shows them under the inputs). Without
 * field errors, the server's detail (English) follows as a secondary hint.
 */
export function errorText(e: ApiError, shown: readonly string[] = []): string {
  const key = `err.${e.code}` as MessageKey;
  const base = key in zh ? t(key, { status: e.status }) : t('err.unknown', { status: e.status });
  if (e.errors.length) {
    const rest = e.errorsOutside(shown).map(ruleMessage);
    return rest.length ? `${base}: ${rest.join(locale.value === 'en' ? '; ' : '；')}` : base;
  }
  const detail = e.detail && e.detail !== e.code ? e.detail : '';
  return detail && !['invalid_credentials', 'unauthorized', 'internal'].includes(e.code) ? `${base}: ${detail}` : base;
}

/**
 * A server verdict on a field (422 field error, pre-flight check) in the
 * current language, from its rule and counts; the server's English message
 * for a rule the console has no words for. Reads `locale`, so it re-renders.
 */
export function ruleMessage(v: RuleVerdict): string {
  return describeRule(v, locale.value);
}

/** A field name from the server (`title`, `image_urls[2]`) as a label in the current language. */
export function fieldLabel(field: string): string {
  return describeField(field, locale.value);
}

const KINDS = ['brand', 'partner', 'test', 'student', 'owner'] as const;

/** An account kind in words; an unknown kind from a newer server as it is. */
export function accountKindLabel(kind: string): string {
  const k = KINDS.find((x) => x === kind);
  return k ? t(`accounts.kind.${k}`) : kind;
}
