/** The campaign form's state, and its conversion to and from the API's shapes. */
import type { Campaign, CampaignInput, Pairing } from '../../api/types';
import { localInputToIso } from './format';

export interface CampaignDraft {
  name: string;
  /** In the order chosen: the order the notes go out. */
  postIds: number[];
  groupIds: number[];
  accountIds: number[];
  pairing: Pairing;
  platforms: string[];
  /** `<input type="datetime-local">` values (local wall time); '' for none. */
  linkExpires: string;
  start: string;
  end: string;
  /** `HH:MM`; `to` before `from` runs across midnight. */
  windowFrom: string;
  windowTo: string;
  perDay: number;
  minGap: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local value in the browser's zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A new campaign: tomorrow 09:00 to the day after at 22:00, one note a day, three hours apart. */
export function emptyDraft(now = new Date()): CampaignDraft {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 2, 22, 0);
  return {
    name: '',
    postIds: [],
    groupIds: [],
    accountIds: [],
    pairing: 'each_account_every_post',
    platforms: [],
    linkExpires: '',
    start: toLocalInput(start.toISOString()),
    end: toLocalInput(end.toISOString()),
    windowFrom: '09:00',
    windowTo: '22:00',
    perDay: 1,
    minGap: 180,
  };
}

export function draftFromCampaign(c: Campaign): CampaignDraft {
  return {
    name: c.name,
    postIds: [...c.post_ids],
    groupIds: [...c.audience.group_ids],
    accountIds: [...c.audience.account_ids],
    pairing: c.pairing,
    platforms: [...(c.platforms ?? [])],
    linkExpires: toLocalInput(c.link_expires_at),
    start: toLocalInput(c.schedule.start_at),
    end: toLocalInput(c.schedule.end_at),
    windowFrom: c.schedule.daily_window.from,
    windowTo: c.schedule.daily_window.to,
    perDay: c.schedule.per_account_per_day,
    minGap: c.schedule.min_gap_minutes,
  };
}

/**
 * The request body. Nothing is checked here beyond shape: the server names
 * every broken rule (422 per field) and the form shows them beside the fields.
 */
export function draftToInput(d: CampaignDraft): CampaignInput {
  return {
    name: d.name.trim() || null,
    post_ids: d.postIds,
    audience: { account_ids: d.accountIds, group_ids: d.groupIds },
    pairing: d.pairing,
    platforms: d.platforms.length ? d.platforms : null,
    link_expires_at: localInputToIso(d.linkExpires),
    schedule: {
      start_at: localInputToIso(d.start),
      end_at: localInputToIso(d.end),
      daily_window: { from: d.windowFrom || null, to: d.windowTo || null },
      per_account_per_day: d.perDay,
      min_gap_minutes: d.minGap,
    },
  };
}

/** Distinct accounts reached by the chosen accounts and the members of the chosen groups. */
export function headCount(accountIds: readonly number[], groupMembers: readonly (readonly number[])[]): number {
  const all = new Set(accountIds);
  for (const m of groupMembers) for (const id of m) all.add(id);
  return all.size;
}
