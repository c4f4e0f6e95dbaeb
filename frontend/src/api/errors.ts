import type { components } from './schema';
/**
 * The server answers every error as RFC 9457 problem+json with a stable `code`
 * (openapi/openapi.json). The UI branches on `code`, never on `detail` text.
 */

/**
 * One field-level validation failure (422 validation_failed, or 400 with a
 * field): the document's `ProblemField`. `rule` is stable (the console words
 * it from `rule`, `field` and the counts); `message` is the server's English
 * sentence, shown only for a rule the page has no words for.
 */
export type FieldError = components['schemas']['ProblemField'];

/** The problem codes of openapi/openapi.json (its `ErrorCode` enum). */
export type ServerErrorCode = components['schemas']['ErrorCode'];

/** Every code the server answers with, plus the two the client itself makes. */
export type ErrorCode =
  | ServerErrorCode
  /** fetch itself failed: offline, server down, blocked. */
  | 'network'
  /** a non-problem error body, e.g. a proxy's HTML 502 page. */
  | 'unknown';

/** What a 404 names as missing (the `Resource` enum). */
export type Resource = components['schemas']['Resource'];

/** A rule of a field error or a pre-flight check (the `Rule` enum). */
export type Rule = components['schemas']['Rule'];

/** An account a campaign's schedule has no room for, and how many slots it lacks. */
export type Shortfall = components['schemas']['ProblemShortfall'];

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode | (string & {}),
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Only on 409 version_conflict: the version to re-send to overwrite. */
    readonly currentVersion: number | null = null,
    /** Only on 429: seconds to wait, from the Retry-After header. */
    readonly retryAfter: number | null = null,
    /** Only on 404 not_found: what is missing. */
    readonly resource: Resource | (string & {}) | null = null,
    /** Only on 403 forbidden: the least role the action needs. */
    readonly requiredRole: string | null = null,
    /** Only on 422 schedule_infeasible: each account the schedule has no room for. */
    readonly shortfalls: Shortfall[] = [],
    /**
     * The problem's `retryable`: the same request may succeed later (a full
     * store, a rate limit, a server fault); false when the request itself
     * must change. Without a problem body: guessed from the status.
     */
    readonly retryable: boolean = transient(status),
  ) {
    super(detail || code);
  }

  /** Field errors for one form field; `image_urls[2]` belongs to `image_urls`. */
  errorsFor(field: string): FieldError[] {
    return this.errors.filter((e) => belongsTo(e.field, field));
  }

  /** Field errors of none of `fields` (which a form shows elsewhere). */
  errorsOutside(fields: readonly string[]): FieldError[] {
    return this.errors.filter((e) => !fields.some((f) => belongsTo(e.field, f)));
  }
}

/** A status that may pass by waiting: no answer at all, 408, 429, or a server fault. */
export function transient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || (status >= 500 && status !== 501);
}

function belongsTo(name: string, field: string): boolean {
  return name === field || name.startsWith(`${field}[`) || name.startsWith(`${field}.`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function parseFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((e) => {
    // A rule of a newer server is kept as it came: the words fall back to its message.
    const rule = (str(e.rule) ?? '') as Rule;
    const f: FieldError = { field: str(e.field) ?? '', rule, message: str(e.message) ?? '' };
    const actual = finite(e.actual);
    const limit = finite(e.limit);
    if (actual !== null) f.actual = actual;
    if (limit !== null) f.limit = limit;
    return f;
  });
}

function parseShortfalls(v: unknown): Shortfall[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((e) => ({
    account_id: finite(e.account_id) ?? 0,
    account_name: str(e.account_name) ?? '',
    needed: finite(e.needed) ?? 0,
    available: finite(e.available) ?? 0,
    lacking: finite(e.lacking) ?? 0,
  }));
}

/**
 * Turns whatever came back with a non-2xx status into an ApiError. The body is
 * `unknown` on purpose: an error may come from a proxy, not from our server.
 */
export function toApiError(status: number, body: unknown, retryAfter: number | null = null): ApiError {
  if (isRecord(body) && typeof body.code === 'string') {
    const cv = body.current_version;
    return new ApiError(
      status,
      body.code,
      str(body.detail) ?? str(body.title) ?? body.code,
      parseFieldErrors(body.errors),
      typeof cv === 'number' ? cv : null,
      retryAfter,
      str(body.resource),
      str(body.required_role),
      parseShortfalls(body.shortfalls),
      typeof body.retryable === 'boolean' ? body.retryable : transient(status),
    );
  }
  const text = typeof body === 'string' ? body.slice(0, 200) : '';
  const code = status === 401 ? 'unauthorized' : status === 429 ? 'rate_limited' : 'unknown';
  return new ApiError(status, code, text || `HTTP ${status}`, [], null, retryAfter);
}

/**
 * Seconds from a Retry-After header (delta-seconds or an HTTP date), or null.
 * The server sends seconds; a date is accepted because proxies may rewrite it.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function networkError(cause: unknown): ApiError {
  const msg = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, 'network', msg);
}
