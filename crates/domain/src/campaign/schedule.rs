//! A campaign's schedule: its range of instants, the daily window in the
//! statistics time zone, and the two limits per account that keep a fleet
//! from bursting (notes per local day, minutes between two notes).
use super::window::{resolve, DailyWindow};
use crate::{check_instant, FieldError, Rule, ValidationErrors};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

/// Notes an account gets on one local day unless the request says otherwise.
pub const DEFAULT_PER_ACCOUNT_PER_DAY: u32 = 1;
/// About 50 notes a day is the reported practical ceiling for one account.
pub const MAX_PER_ACCOUNT_PER_DAY: u32 = 50;
/// Minutes between two notes of one account unless the request says otherwise.
pub const DEFAULT_MIN_GAP_MINUTES: u32 = 180;
/// The largest gap: a week.
pub const MAX_MIN_GAP_MINUTES: u32 = 7 * 24 * 60;
/// The longest campaign, which also bounds the planner's work.
pub const MAX_CAMPAIGN_DAYS: i64 = 366;

/// The daily window as a request writes it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawWindow {
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A schedule as a request writes it; [`Schedule::parse`] checks it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawSchedule {
    pub start_at: Option<DateTime<Utc>>,
    pub end_at: Option<DateTime<Utc>>,
    pub daily_window: Option<RawWindow>,
    pub per_account_per_day: Option<i64>,
    pub min_gap_minutes: Option<i64>,
}

/// A checked schedule. Assignments lie in [start_at, end_at) and inside a
/// daily window; instants are compared in UTC, days counted in `tz`.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub window: DailyWindow,
    pub per_account_per_day: u32,
    pub min_gap_minutes: u32,
    pub tz: Tz,
}

impl Schedule {
    /// Checks every field at once; errors name `schedule.<field>`.
    pub fn parse(raw: &RawSchedule, tz: Tz) -> Result<Self, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let start_at = errs.take(instant("schedule.start_at", raw.start_at));
        let end_at = errs.take(instant("schedule.end_at", raw.end_at));
        let window = match &raw.daily_window {
            None => errs.take(Err(required("schedule.daily_window"))),
            Some(w) => {
                let from = w.from.as_deref();
                let to = w.to.as_deref();
                let from = errs.take(from.ok_or_else(|| required("schedule.daily_window.from")));
                let to = errs.take(to.ok_or_else(|| required("schedule.daily_window.to")));
                from.zip(to).and_then(|(f, t)| {
                    DailyWindow::parse("schedule.daily_window", f, t)
                        .map_err(|es| es.into_iter().for_each(|e| errs.push(e)))
                        .ok()
                })
            }
        };
        let per_day = errs.take(count(
            "schedule.per_account_per_day",
            raw.per_account_per_day,
            DEFAULT_PER_ACCOUNT_PER_DAY,
            MAX_PER_ACCOUNT_PER_DAY,
        ));
        let gap = errs.take(count(
            "schedule.min_gap_minutes",
            raw.min_gap_minutes,
            DEFAULT_MIN_GAP_MINUTES,
            MAX_MIN_GAP_MINUTES,
        ));
        if let (Some(s), Some(e)) = (start_at, end_at) {
            if e <= s {
                errs.push(FieldError::new(
                    "schedule.end_at",
                    Rule::After,
                    "schedule.end_at must come after schedule.start_at",
                ));
            } else if e - s > Duration::days(MAX_CAMPAIGN_DAYS) {
                errs.push(
                    FieldError::new(
                        "schedule.end_at",
                        Rule::Range,
                        format!("a campaign lasts at most {MAX_CAMPAIGN_DAYS} days"),
                    )
                    .counts((e - s).num_days() as usize, MAX_CAMPAIGN_DAYS as usize),
                );
            }
        }
        match (start_at, end_at, window, per_day, gap) {
            (Some(start_at), Some(end_at), Some(window), Some(p), Some(g)) if errs.is_empty() => {
                Ok(Self {
                    start_at,
                    end_at,
                    window,
                    per_account_per_day: p,
                    min_gap_minutes: g,
                    tz,
                })
            }
            _ => Err(errs),
        }
    }

    /// The local day of an instant, the unit of `per_account_per_day`.
    pub fn day_of(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// The first instant of a local day (midnight, or the end of a gap).
    pub fn day_start(&self, day: NaiveDate) -> DateTime<Utc> {
        resolve(day.and_time(chrono::NaiveTime::MIN), self.tz, false)
    }

    /// The minimum gap between two notes of one account.
    pub fn min_gap(&self) -> Duration {
        Duration::minutes(self.min_gap_minutes.into())
    }

    /// Every daily window clipped to [start_at, end_at), in order, none empty.
    pub fn intervals(&self) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        // A window opening the day before start_at may still be open at it.
        let first = self
            .day_of(self.start_at)
            .pred_opt()
            .unwrap_or(NaiveDate::MIN);
        let last = self.day_of(self.end_at);
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter_map(|d| {
                let (s, e) = self.window.on(d, self.tz);
                let (s, e) = (s.max(self.start_at), e.min(self.end_at));
                (s < e).then_some((s, e))
            })
            .collect()
    }

    /// True when `t` lies in the campaign's range.
    pub fn in_range(&self, t: DateTime<Utc>) -> bool {
        self.start_at <= t && t < self.end_at
    }

    /// True when `t` lies inside the daily window (of its day or of the day
    /// before, for a window across midnight).
    pub fn in_window(&self, t: DateTime<Utc>) -> bool {
        let day = self.day_of(t);
        [day.pred_opt(), Some(day)].into_iter().flatten().any(|d| {
            let (s, e) = self.window.on(d, self.tz);
            s <= t && t < e
        })
    }
}

fn required(field: &str) -> FieldError {
    FieldError::new(field, Rule::Required, format!("{field} is required"))
}

fn instant(field: &str, t: Option<DateTime<Utc>>) -> Result<DateTime<Utc>, FieldError> {
    let t = t.ok_or_else(|| required(field))?;
    check_instant(field, &t)?;
    Ok(t)
}

fn count(field: &str, v: Option<i64>, default: u32, max: u32) -> Result<u32, FieldError> {
    let v = v.unwrap_or(default.into());
    u32::try_from(v)
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| {
            let e = FieldError::new(field, Rule::Range, format!("{field} must be 1 to {max}"));
            e.counts(v.clamp(0, i64::from(u32::MAX)) as usize, max as usize)
        })
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
