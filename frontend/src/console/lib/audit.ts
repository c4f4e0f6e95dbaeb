/**
 * The audit page's pure parts: its filter as the `GET /api/audit` query and
 * as the page's URL query (so a link can open it filtered), and where a
 * target leads in the console.
 */
import { auditActionValues, auditTargetValues, type AuditAction, type AuditEntry, type AuditQuery, type AuditTarget } from '../../api/team-types';
import { localInputToIso } from './format';

/** The target types the audit log names (the resources of the paths). */
export const TARGET_TYPES = auditTargetValues;

export interface AuditFilter {
  actor: string;
  action: AuditAction | '';
  targetType: AuditTarget | '';
  /** Digits, or '' for any. */
  targetId: string;
  /** Local wall times (`YYYY-MM-DDTHH:mm`), '' when open. */
  from: string;
  to: string;
}

export const emptyFilter = (): AuditFilter => ({ actor: '', action: '', targetType: '', targetId: '', from: '', to: '' });

/** The API query for a filter and page: empty fields left out, times as RFC 3339 instants. */
export function auditQuery(f: AuditFilter, cursor: string | null = null, limit = 50): AuditQuery {
  const q: AuditQuery = { limit };
  const actor = f.actor.trim();
  const targetId = f.targetId.trim();
  if (actor) q.actor = actor;
  if (f.action) q.action = f.action;
  if (f.targetType) q.target_type = f.targetType;
  // The id is a number: anything else cannot match, so it is not sent.
  if (/^\d{1,15}$/.test(targetId)) q.target_id = Number(targetId);
  const from = localInputToIso(f.from);
  const to = localInputToIso(f.to);
  if (from) q.from = from;
  if (to) q.to = to;
  if (cursor) q.cursor = cursor;
  return q;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A filter from the page's URL query; unknown actions are dropped. */
export function filterFromRoute(query: Record<string, unknown>): AuditFilter {
  const action = auditActionValues.find((a) => a === query.action) ?? '';
  const targetType = auditTargetValues.find((ty) => ty === query.target_type) ?? '';
  return {
    actor: str(query.actor),
    action,
    targetType,
    targetId: str(query.target_id),
    from: str(query.from),
    to: str(query.to),
  };
}

/** The page's URL query for a filter (only what is set). */
export function filterToRoute(f: AuditFilter): Record<string, string> {
  const pairs: [string, string][] = [
    ['actor', f.actor.trim()],
    ['action', f.action],
    ['target_type', f.targetType],
    ['target_id', f.targetId.trim()],
    ['from', f.from],
    ['to', f.to],
  ];
  return Object.fromEntries(pairs.filter(([, v]) => v !== ''));
}

/** The console page of an entry's target, when it has one (a note, a link, an account). */
export function targetRoute(e: Pick<AuditEntry, 'target_type' | 'target_id'>): string | null {
  if (e.target_id === null || e.target_id === undefined) return null;
  switch (e.target_type) {
    case 'post':
      return `/posts/${e.target_id}/edit`;
    case 'link':
      return `/links/${e.target_id}/stats`;
    case 'account':
      return `/accounts/${e.target_id}`;
    default:
      return null;
  }
}
