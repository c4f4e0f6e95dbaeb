/**
 * A minimal i18n: a reactive locale, a typed `t()`, and translated error
 * codes. The choice is remembered in localStorage (the share page reads it too).
 */
import { ref } from 'vue';
import type { ApiError } from '../../api/errors';
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

/** A person-readable sentence for an API error: the code's text, then the server's detail. */
export function errorText(e: ApiError): string {
  const key = `err.${e.code}` as MessageKey;
  const base = key in zh ? t(key, { status: e.status }) : t('err.unknown', { status: e.status });
  const detail = e.detail && e.detail !== e.code ? e.detail : '';
  // The server's detail is English; show it as a secondary hint, not instead.
  return detail && !['invalid_credentials', 'unauthorized', 'internal'].includes(e.code) ? `${base}: ${detail}` : base;
}

/**
 * A field name from the server (`title`, `image_urls[2]`) as a label in the
 * current language. Pre-flight messages themselves come from the server in
 * English; the label tells a Chinese reader at a glance which field is meant.
 */
export function fieldLabel(field: string): string {
  const img = /^image_urls\[(\d+)\]$/.exec(field);
  if (img?.[1] !== undefined) return t('field.image', { n: Number(img[1]) + 1 });
  const key = `field.${field}` as MessageKey;
  return key in zh ? t(key) : field;
}

const KINDS = ['brand', 'partner', 'test', 'student', 'owner'] as const;

/** An account kind in words; an unknown kind from a newer server as it is. */
export function accountKindLabel(kind: string): string {
  const k = KINDS.find((x) => x === kind);
  return k ? t(`accounts.kind.${k}`) : kind;
}
