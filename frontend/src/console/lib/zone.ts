/**
 * Times in the server's statistics time zone (`stats.timezone`), whatever
 * the browser's: a campaign's window, days and limits are counted there, so
 * its pages show and take times there too, with the zone named. The zone
 * arithmetic is dayjs's (its `utc` and `timezone` plugins, over Intl).
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const INPUT = 'YYYY-MM-DDTHH:mm';

/** The zone when Intl knows it, else the browser's (an old server, a typo). */
export function knownZone(zone: string | null | undefined): string {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return browser;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return browser;
  }
}

/** An instant as a date-time such as 2026/12/07 09:00 on the zone's clock. */
export function formatInZone(iso: string, locale: 'zh' | 'en', zone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: knownZone(zone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** An instant as a `<input type="datetime-local">` value on the zone's clock; '' for none. */
export function toZoneInput(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(knownZone(zone)).format(INPUT) : '';
}

/** A datetime-local value read on the zone's clock, as an RFC 3339 instant; null when empty or unreadable. */
export function zoneInputToIso(value: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value.trim())) return null;
  const d = dayjs.tz(value.trim().slice(0, 16), knownZone(zone));
  return d.isValid() ? d.toISOString() : null;
}

/** The zone with its offset now, e.g. `Asia/Shanghai (UTC+08:00)`. */
export function zoneName(zone: string): string {
  const z = knownZone(zone);
  return `${z} (UTC${dayjs().tz(z).format('Z')})`;
}

/**
 * A zone's wall time as an ISO string without offset, for FullCalendar run
 * in `UTC` mode: it then shows exactly that wall time, whatever the browser's zone.
 */
export function wallTime(iso: string, zone: string): string {
  return dayjs(iso).tz(knownZone(zone)).format('YYYY-MM-DDTHH:mm:ss');
}

/** The instant of a wall time FullCalendar (in `UTC` mode) hands back, read on the zone's clock. */
export function fromWallTime(d: Date, zone: string): string | null {
  return zoneInputToIso(dayjs.utc(d).format(INPUT), zone);
}

/** A datetime-local value `days` after today on the zone's clock, at `hhmm`. */
export function zoneDayInput(days: number, hhmm: string, zone: string, now = new Date()): string {
  const today = dayjs(now).tz(knownZone(zone)).format('YYYY-MM-DD');
  return `${dayjs(today).add(days, 'day').format('YYYY-MM-DD')}T${hhmm}`;
}
