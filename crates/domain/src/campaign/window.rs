//! The daily window: the local times of day in which a campaign may place
//! assignments, written "HH:MM" to "HH:MM". A window whose end comes before
//! its start runs across midnight (22:00 to 02:00 is four hours); "24:00" as
//! the end means midnight at the end of the day.
use crate::{FieldError, Rule};
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

const DAY_MINUTES: u32 = 24 * 60;

/// A non-empty span of the local day: it starts `from` minutes after
/// midnight and lasts `minutes` (at most a whole day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyWindow {
    from: u32,
    minutes: u32,
}

impl DailyWindow {
    /// Parses `from` and `to` ("HH:MM"), naming `{field}.from`, `{field}.to`
    /// or `{field}` (an empty window) in the errors.
    pub fn parse(field: &str, from: &str, to: &str) -> Result<Self, Vec<FieldError>> {
        let f = parse_hhmm(&format!("{field}.from"), from, false);
        let t = parse_hhmm(&format!("{field}.to"), to, true);
        let (f, t) = match (f, t) {
            (Ok(f), Ok(t)) => (f, t),
            (f, t) => return Err([f.err(), t.err()].into_iter().flatten().collect()),
        };
        let minutes = if t == DAY_MINUTES && f == 0 {
            DAY_MINUTES
        } else {
            (t % DAY_MINUTES + DAY_MINUTES - f) % DAY_MINUTES
        };
        if minutes == 0 {
            return Err(vec![FieldError::new(
                field,
                Rule::Required,
                format!("{field} must not be empty: from and to are both {from}"),
            )]);
        }
        Ok(Self { from: f, minutes })
    }

    /// The window's length in minutes.
    pub fn minutes(&self) -> u32 {
        self.minutes
    }

    /// True when the window runs across midnight.
    pub fn crosses_midnight(&self) -> bool {
        self.from + self.minutes > DAY_MINUTES
    }

    /// "HH:MM-HH:MM", for messages.
    pub fn label(&self) -> String {
        let hm = |m: u32| format!("{:02}:{:02}", (m / 60) % 24, m % 60);
        format!("{}-{}", hm(self.from), hm(self.from + self.minutes))
    }

    /// The window that opens on local day `day`, as UTC instants [start, end).
    /// A local time skipped by a clock change starts at the first instant
    /// after the gap; a repeated one takes the earlier instant for the start
    /// and the later one for the end, so the window keeps its local meaning.
    pub fn on(&self, day: NaiveDate, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = day.and_time(chrono::NaiveTime::MIN) + Duration::minutes(self.from.into());
        let end = start + Duration::minutes(self.minutes.into());
        (resolve(start, tz, false), resolve(end, tz, true))
    }
}

/// The UTC instant of a local time: earlier or later of a repeated hour,
/// the end of the gap for a skipped one.
pub(crate) fn resolve(local: NaiveDateTime, tz: Tz, later: bool) -> DateTime<Utc> {
    let mut probe = local;
    // Clock changes skip at most a few hours; step minute by minute past one.
    for _ in 0..=DAY_MINUTES {
        match tz.from_local_datetime(&probe) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(a, b) => {
                return if later { b } else { a }.with_timezone(&Utc);
            }
            LocalResult::None => probe += Duration::minutes(1),
        }
    }
    // No zone skips a whole day; read the time as UTC rather than fail.
    local.and_utc()
}

fn parse_hhmm(field: &str, s: &str, end: bool) -> Result<u32, FieldError> {
    let bad = || {
        FieldError::new(
            field,
            Rule::WellFormed,
            format!("{field} must be a time of day HH:MM (00:00 to 23:59); got '{s}'"),
        )
    };
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let digits = |x: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 1..=2) || !digits(m, 2..=2) {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    match (h, m) {
        (24, 0) if end => Ok(DAY_MINUTES),
        (0..=23, 0..=59) => Ok(h * 60 + m),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(from: &str, to: &str) -> Result<DailyWindow, Vec<FieldError>> {
        DailyWindow::parse("schedule.daily_window", from, to)
    }

    #[test]
    fn a_window_across_midnight_lasts_until_the_next_morning() {
        let x = w("22:00", "02:00").unwrap();
        assert_eq!((x.minutes(), x.crosses_midnight()), (240, true));
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let (s, e) = x.on(day, chrono_tz::Asia::Shanghai);
        assert_eq!(s.to_rfc3339(), "2026-03-01T14:00:00+00:00");
        assert_eq!(e.to_rfc3339(), "2026-03-01T18:00:00+00:00");
        assert_eq!(w("09:00", "22:00").unwrap().label(), "09:00-22:00");
        assert_eq!(w("9:30", "24:00").unwrap().minutes(), 14 * 60 + 30);
        assert_eq!(w("00:00", "24:00").unwrap().minutes(), DAY_MINUTES);
    }

    #[test]
    fn malformed_and_empty_windows_name_their_field_and_rule() {
        let e = w("25:00", "9").unwrap_err();
        let named: Vec<_> = e.iter().map(|e| (e.field.as_str(), e.rule)).collect();
        assert_eq!(
            named,
            [
                ("schedule.daily_window.from", Rule::WellFormed),
                ("schedule.daily_window.to", Rule::WellFormed)
            ]
        );
        for (f, t) in [
            ("24:00", "09:00"),
            ("09:60", "10:00"),
            ("", "10:00"),
            ("+9:00", "10:00"),
        ] {
            assert_eq!(
                w(f, t).unwrap_err()[0].field,
                "schedule.daily_window.from",
                "{f}"
            );
        }
        let e = w("10:00", "10:00").unwrap_err();
        assert_eq!(
            (e[0].field.as_str(), e[0].rule),
            ("schedule.daily_window", Rule::Required)
        );
    }

    #[test]
    fn clock_changes_keep_the_window_local() {
        let berlin = chrono_tz::Europe::Berlin;
        // 29 March 2026: 02:00 jumps to 03:00; a 02:30-04:00 window opens at 03:00.
        let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let (s, e) = w("02:30", "04:00").unwrap().on(spring, berlin);
        assert_eq!(s.to_rfc3339(), "2026-03-29T01:00:00+00:00");
        assert_eq!(e.to_rfc3339(), "2026-03-29T02:00:00+00:00");
        // 25 October 2026: 02:00-03:00 happens twice; 02:00-03:00 spans both.
        let autumn = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        let (s, e) = w("02:00", "03:00").unwrap().on(autumn, berlin);
        assert_eq!((e - s).num_minutes(), 120);
    }
}
