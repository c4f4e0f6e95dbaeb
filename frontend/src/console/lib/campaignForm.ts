/** The campaign form's state, and its conversion to and from the API's shapes. */
import type { Campaign, CampaignInput, Pairing } from '../../api/types';
import { knownZone, toZoneInput, zoneDayInput, zoneInputToIso } from './zone';

export interface CampaignDraft {
  name: string;
  /** In the order chosen: the order the notes go out. */
  postIds: number[];
  groupIds: number[];
  accountIds: number[];
  pairing: Pairing;
  platforms: string[];
  /** `<input type="datetime-local">` values on `zone`'s clock; '' for none. */
  linkExpires: string;
  start: string;
  end: string;
  /** `HH:MM`; `to` before `from` runs across midnight. */
  windowFrom: string;
  windowTo: string;
  perDay: number;
  minGap: number;
  /** The statistics time zone the times are typed in (the server counts days there). */
  zone: string;
}

/** A new campaign: tomorrow 09:00 to the day after at 22:00 on the zone's clock, one note a day, three hours apart. */
export function emptyDraft(now = new Date(), zone?: string): CampaignDraft {
  const z = knownZone(zone);
  return {
    name: '',
    postIds: [],
    groupIds: [],
    accountIds: [],
    pairing: 'each_account_every_post',
    platforms: [],
    linkExpires: '',
    start: zoneDayInput(1, '09:00', z, now),
    end: zoneDayInput(2, '22:00', z, now),
    windowFrom: '09:00',
    windowTo: '22:00',
    perDay: 1,
    minGap: 180,
    zone: z,
  };
}

export function draftFromCampaign(c: Campaign): CampaignDraft {
  const zone = knownZone(c.schedule.time_zone);
  return {
    name: c.name,
    postIds: [...c.post_ids],
    groupIds: [...c.audience.group_ids],
    accountIds: [...c.audience.account_ids],
    pairing: c.pairing,
    platforms: [...(c.platforms ?? [])],
    linkExpires: toZoneInput(c.link_expires_at, zone),
    start: toZoneInput(c.schedule.start_at, zone),
    end: toZoneInput(c.schedule.end_at, zone),
    windowFrom: c.schedule.daily_window.from,
    windowTo: c.schedule.daily_window.to,
    perDay: c.schedule.per_account_per_day,
    minGap: c.schedule.min_gap_minutes,
    zone,
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
    link_expires_at: zoneInputToIso(d.linkExpires, d.zone),
    schedule: {
      start_at: zoneInputToIso(d.start, d.zone),
      end_at: zoneInputToIso(d.end, d.zone),
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
