/** Small pure helpers of the campaign pages (status colours, counts, the matrix). */
import type { Assignment, AssignmentStatus, CampaignProgress, CampaignStatus, StatusCounts } from '../../api/types';

/** The badge class of a campaign status. */
export function campaignBadge(s: CampaignStatus): string {
  if (s === 'running') return 'badge-live';
  if (s === 'finished') return 'badge-ok';
  if (s === 'cancelled') return 'badge-warn';
  return '';
}

/** The badge class of an assignment status. */
export function assignmentBadge(s: AssignmentStatus): string {
  if (s === 'published') return 'badge-ok';
  if (s === 'failed' || s === 'cancelled') return 'badge-warn';
  if (s === 'planned') return '';
  return 'badge-live';
}

/** A share 0..1 as a whole percent. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

export interface MatrixCell {
  id: number;
  scheduled_at: string;
  variant: string | null;
  status: AssignmentStatus;
}

export interface Matrix {
  accounts: { id: number; name: string }[];
  posts: { id: number; title: string }[];
  /** `${account_id}:${post_id}` → the assignments of that pair, by time. */
  cells: Map<string, MatrixCell[]>;
}

/**
 * Accounts × notes from the plan: rows in the order accounts first appear,
 * columns in the campaign's note order (`postOrder`), then any other note.
 */
export function buildMatrix(items: readonly Assignment[], postOrder: readonly number[] = []): Matrix {
  const accounts = new Map<number, string>();
  const posts = new Map<number, string>();
  const cells = new Map<string, MatrixCell[]>();
  for (const a of items) {
    if (!accounts.has(a.account_id)) accounts.set(a.account_id, a.account_name);
    if (!posts.has(a.post_id)) posts.set(a.post_id, a.post_title);
    const key = `${a.account_id}:${a.post_id}`;
    const list = cells.get(key) ?? [];
    list.push({ id: a.id, scheduled_at: a.scheduled_at, variant: a.variant_label ?? null, status: a.status });
    cells.set(key, list);
  }
  for (const list of cells.values()) list.sort((x, y) => x.scheduled_at.localeCompare(y.scheduled_at));
  const rank = (id: number) => {
    const i = postOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return {
    accounts: [...accounts].map(([id, name]) => ({ id, name })),
    posts: [...posts].map(([id, title]) => ({ id, title })).sort((a, b) => rank(a.id) - rank(b.id)),
    cells,
  };
}

/** Links and robot tasks a launch will make: one per assignment, by the account's channel. */
export function launchCounts(items: readonly Assignment[]): { links: number; tasks: number } {
  const tasks = items.filter((a) => a.channel === 'robot').length;
  return { links: items.length - tasks, tasks };
}

/** One account's card: how far its assignments got, each step counting those that went further too. */
export interface AccountCard {
  id: number;
  name: string;
  /** Assigned and not cancelled. */
  assigned: number;
  opened: number;
  tapped: number;
  published: number;
  failed: number;
}

function card(id: number, name: string, c: StatusCounts): AccountCard {
  return {
    id,
    name,
    assigned: c.total - c.cancelled,
    opened: c.opened + c.tapped + c.published,
    tapped: c.tapped + c.published,
    published: c.published,
    failed: c.failed,
  };
}

/** The per-account cards of a campaign's progress: failures first, then the least published, then by name. */
export function accountCards(p: CampaignProgress): AccountCard[] {
  return p.by_account
    .map((a) => card(a.account_id, a.name, a.counts))
    .sort((x, y) => y.failed - x.failed || x.published / (x.assigned || 1) - y.published / (y.assigned || 1) || x.name.localeCompare(y.name, 'zh'));
}
