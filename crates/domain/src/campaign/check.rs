//! Moving one assignment by hand: the new instant must keep every rule the
//! planner keeps, and a refusal names the rule it would break.
use super::Schedule;
use crate::{FieldError, Rule};
use chrono::{DateTime, NaiveDate, Utc};

/// The rule a moved assignment would break.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error("{at} lies outside the campaign, which runs from {start} until {end}")]
    OutsideRange {
        at: DateTime<Utc>,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    #[error("{at} lies outside the daily window {window}")]
    OutsideWindow { at: DateTime<Utc>, window: String },
    #[error("{other} is only {minutes} minutes away; an account's notes are at least {min} minutes apart")]
    TooClose {
        other: DateTime<Utc>,
        minutes: i64,
        min: u32,
    },
    #[error("the account already has {count} note(s) on {day}; at most {limit} a day")]
    DayLimit {
        day: NaiveDate,
        count: u32,
        limit: u32,
    },
}

impl MoveError {
    /// The stable rule name a UI translates.
    pub fn rule(&self) -> Rule {
        match self {
            Self::OutsideRange { .. } => Rule::Range,
            Self::OutsideWindow { .. } => Rule::DailyWindow,
            Self::TooClose { .. } => Rule::MinGap,
            Self::DayLimit { .. } => Rule::DayLimit,
        }
    }

    /// The refusal as a field error on `field` (with counts for the limits).
    pub fn field_error(&self, field: &str) -> FieldError {
        let e = FieldError::new(field, self.rule(), format!("{field}: {self}"));
        match *self {
            Self::TooClose { minutes, min, .. } => e.counts(minutes.max(0) as usize, min as usize),
            Self::DayLimit { count, limit, .. } => e.counts(count as usize + 1, limit as usize),
            _ => e,
        }
    }
}

/// Checks `at` for an account whose other notes and busy instants are
/// `others` (the moved assignment itself left out).
pub fn check_move(
    s: &Schedule,
    at: DateTime<Utc>,
    others: &[DateTime<Utc>],
) -> Result<(), MoveError> {
    if !s.in_range(at) {
        return Err(MoveError::OutsideRange {
            at,
            start: s.start_at,
            end: s.end_at,
        });
    }
    if !s.in_window(at) {
        return Err(MoveError::OutsideWindow {
            at,
            window: s.window.label(),
        });
    }
    let min = s.min_gap();
    if let Some(other) = others.iter().copied().min_by_key(|o| (*o - at).abs()) {
        if (other - at).abs() < min {
            let minutes = (other - at).abs().num_minutes();
            return Err(MoveError::TooClose {
                other,
                minutes,
                min: s.min_gap_minutes,
            });
        }
    }
    let day = s.day_of(at);
    let count = others.iter().filter(|o| s.day_of(**o) == day).count() as u32;
    if count >= s.per_account_per_day {
        return Err(MoveError::DayLimit {
            day,
            count,
            limit: s.per_account_per_day,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{RawSchedule, RawWindow};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn schedule(per_day: i64) -> Schedule {
        let raw = RawSchedule {
            start_at: Some(at("2026-12-07T00:00:00+08:00")),
            end_at: Some(at("2026-12-10T00:00:00+08:00")),
            daily_window: Some(RawWindow {
                from: Some("22:00".into()),
                to: Some("02:00".into()),
            }),
            per_account_per_day: Some(per_day),
            min_gap_minutes: Some(60),
        };
        Schedule::parse(&raw, chrono_tz::Asia::Shanghai).unwrap()
    }

    #[test]
    fn a_move_inside_the_window_with_room_and_distance_is_accepted() {
        let s = schedule(2);
        let others = [at("2026-12-07T22:00:00+08:00")];
        assert_eq!(
            check_move(&s, at("2026-12-07T23:00:00+08:00"), &others),
            Ok(())
        );
        // After midnight belongs to the window opened the evening before.
        assert_eq!(
            check_move(&s, at("2026-12-08T01:59:00+08:00"), &others),
            Ok(())
        );
    }

    #[test]
    fn each_broken_rule_is_named() {
        let s = schedule(1);
        let others = [at("2026-12-08T22:30:00+08:00")];
        let rule = |t: &str| check_move(&s, at(t), &others).unwrap_err().rule();
        assert_eq!(rule("2026-12-06T23:00:00+08:00"), Rule::Range);
        assert_eq!(rule("2026-12-10T01:00:00+08:00"), Rule::Range);
        assert_eq!(rule("2026-12-08T02:00:00+08:00"), Rule::DailyWindow);
        assert_eq!(rule("2026-12-08T12:00:00+08:00"), Rule::DailyWindow);
        assert_eq!(rule("2026-12-08T23:29:00+08:00"), Rule::MinGap);
        assert_eq!(rule("2026-12-08T23:45:00+08:00"), Rule::DayLimit);
        let e = check_move(&s, at("2026-12-08T22:00:00+08:00"), &others).unwrap_err();
        let f = e.field_error("scheduled_at");
        assert_eq!(
            (f.field.as_str(), f.rule, f.actual, f.limit),
            ("scheduled_at", Rule::MinGap, Some(30), Some(60))
        );
    }
}
