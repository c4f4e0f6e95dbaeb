import { describe, expect, it } from 'vitest';
import { formatInZone, fromWallTime, knownZone, toZoneInput, wallTime, zoneDayInput, zoneInputToIso, zoneName } from './zone';

// The test runner's own zone does not matter: every helper reads the zone it is given.
describe('times on the statistics time zone’s clock', () => {
  const at = '2026-12-07T01:30:00.000Z'; // 09:30 in Shanghai, 20:30 the day before in New York

  it('shows an instant on the zone’s clock', () => {
    expect(formatInZone(at, 'en', 'Asia/Shanghai')).toBe('07/12/2026, 09:30');
    expect(formatInZone(at, 'en', 'America/New_York')).toBe('06/12/2026, 20:30');
    expect(formatInZone('nonsense', 'zh', 'Asia/Shanghai')).toBe('nonsense');
  });

  it('round-trips datetime-local values through the zone', () => {
    expect(toZoneInput(at, 'Asia/Shanghai')).toBe('2026-12-07T09:30');
    expect(zoneInputToIso('2026-12-07T09:30', 'Asia/Shanghai')).toBe(at);
    expect(zoneInputToIso('2026-12-06T20:30', 'America/New_York')).toBe(at);
    expect(zoneInputToIso('', 'Asia/Shanghai')).toBeNull();
    expect(zoneInputToIso('tomorrow', 'Asia/Shanghai')).toBeNull();
    expect(toZoneInput(null, 'Asia/Shanghai')).toBe('');
  });

  it('hands FullCalendar wall times and reads its drops back on the zone’s clock', () => {
    expect(wallTime(at, 'Asia/Shanghai')).toBe('2026-12-07T09:30:00');
    expect(fromWallTime(new Date('2026-12-07T18:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-07T10:00:00.000Z');
  });

  it('names the zone with its offset, and falls back to the browser’s for an unknown one', () => {
    expect(zoneName('Asia/Shanghai')).toBe('Asia/Shanghai (UTC+08:00)');
    expect(knownZone('Not/AZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('counts days from today on the zone’s clock', () => {
    // 20:00 UTC is already the next day in Shanghai.
    const now = new Date('2026-12-06T20:00:00Z');
    expect(zoneDayInput(1, '09:00', 'Asia/Shanghai', now)).toBe('2026-12-08T09:00');
    expect(zoneDayInput(1, '09:00', 'UTC', now)).toBe('2026-12-07T09:00');
  });
});
