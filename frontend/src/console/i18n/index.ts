/**
 * The console's words through vue-i18n: the typed catalogues of messages.ts
 * (Chinese source, English complete by type) are its two locales, and `t()`
 * keeps taking only keys that exist. The choice is remembered in localStorage
 * (the share page reads it too).
 */
import { computed } from 'vue';
import { createI18n, type MessageCompiler, type MessageContext, type PathValue } from 'vue-i18n';
import type { ApiError } from '../../api/errors';
import type { PlatformReason } from '../lib/platforms';
import { parseRole } from '../lib/roles';
import { describeField, describeRule, type RuleVerdict } from '../lib/ruleText';
import { en, zh, type MessageKey } from './messages';

export type Locale = 'zh' | 'en';
export type I18nLocale = 'zh-CN' | 'en';
export const LANG_KEY = 'xhspub.lang';
export type MessageSchema = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

function initialLocale(): Locale {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * The catalogues only use `{name}` placeholders, so messages are compiled by
 * `format` instead of vue-i18n's compiler (left out of the bundle): `@`, `|`
 * or braces in a message stay plain text.
 */
const compileMessage: MessageCompiler = (message) => (ctx: MessageContext<string>) =>
  typeof message === 'string' ? format(message, ctx.values as Params) : String(message);

export const i18n = createI18n<[MessageSchema], I18nLocale, false>({
  legacy: false,
  locale: initialLocale() === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
  // Keys are flat ('list.images'), not paths into nested objects.
  messageResolver: (obj, path) => (obj as Record<string, PathValue>)[path] ?? null,
  messageCompiler: compileMessage,
  missingWarn: false,
  fallbackWarn: false,
});

/** The console's language; reads vue-i18n's, so anything using it re-renders on a switch. */
export const locale = computed<Locale>(() => (i18n.global.locale.value === 'en' ? 'en' : 'zh'));

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l === 'zh' ? 'zh-CN' : 'en';
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(LANG_KEY, l);
  } catch {
    // not remembered, still switched
  }
}

/** A message of the catalogue; only existing keys type-check. */
export function t(key: MessageKey, params?: Params): string {
  return i18n.global.t(key, params ?? {});
}

/**
 * A person-readable sentence for an API error: the code's text, then what went
 * wrong. Field errors are worded from their rules (ruleMessage); those of the
 * `shown` fields are left out (the form shows them under the inputs). Without
 * field errors, the server's detail (English) follows as a secondary hint.
 */
export function errorText(e: ApiError, shown: readonly string[] = []): string {
  const needs = e.code === 'forbidden' ? parseRole(e.requiredRole) : null;
  if (needs) return t('err.forbidden.role', { role: roleLabel(needs) });
  const specific = e.code === 'not_found' && e.resource ? `err.not_found.${e.resource}` : '';
  const key = (specific in zh ? specific : `err.${e.code}`) as MessageKey;
  const base = key in zh ? t(key, { status: e.status }) : t('err.unknown', { status: e.status });
  if (e.errors.length) {
    const rest = e.errorsOutside(shown).map(ruleMessage);
    return rest.length ? `${base}: ${joinWords(rest)}` : base;
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

/** A role in words; an unknown one from a newer server as it is. */
export function roleLabel(role: string): string {
  const r = parseRole(role);
  return r ? t(`role.${r}`) : role;
}

const KINDS = ['brand', 'partner', 'test', 'student', 'owner'] as const;

/** An account kind in words; an unknown kind from a newer server as it is. */
export function accountKindLabel(kind: string): string {
  const k = KINDS.find((x) => x === kind);
  return k ? t(`accounts.kind.${k}`) : kind;
}

/** Why a platform cannot take the note (or what it will do badly), in the current language. */
export function platformReason(r: PlatformReason): string {
  if (r.kind === 'unconfigured') return t('platforms.unconfigured');
  if (r.kind === 'kit') return t('platforms.xhsKit');
  if (r.kind === 'note') {
    const rules = r.rules.map((c) => ruleMessage(c));
    return rules.length ? t('platforms.noteRules', { rules: joinWords(rules) }) : t('platforms.note');
  }
  return ruleMessage(r.check);
}

/** Several reasons (or names) in one line, with the current language's separator. */
export function joinWords(words: string[]): string {
  return words.join(locale.value === 'en' ? '; ' : '；');
}
