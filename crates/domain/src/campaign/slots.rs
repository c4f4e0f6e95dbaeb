//! The free instants of one account: inside the campaign's windows, at least
//! the minimum gap from every busy instant, and on a local day that has room.
//! Instants are whole minutes, in seconds since the epoch.
use super::Schedule;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// The windows of a schedule in seconds, with what every account shares.
pub(crate) struct Grid<'s> {
    pub schedule: &'s Schedule,
    /// [start, end) in seconds, in order.
    pub intervals: Vec<(i64, i64)>,
    /// Seconds of window before each interval (for spreading).
    prefix: Vec<i64>,
    pub gap: i64,
}

impl<'s> Grid<'s> {
    pub fn new(schedule: &'s Schedule) -> Self {
        let intervals: Vec<(i64, i64)> = schedule
            .intervals()
            .into_iter()
            .map(|(s, e)| (s.timestamp(), e.timestamp()))
            .collect();
        let prefix = intervals
            .iter()
            .scan(0, |acc, (s, e)| {
                let before = *acc;
                *acc += e - s;
                Some(before)
            })
            .collect();
        let gap = schedule.min_gap().num_seconds();
        Self {
            schedule,
            intervals,
            prefix,
            gap,
        }
    }

    /// Seconds of window in the whole campaign.
    pub fn total(&self) -> i64 {
        match (self.prefix.last(), self.intervals.last()) {
            (Some(p), Some((s, e))) => p + e - s,
            _ => 0,
        }
    }

    /// The instant `pos` seconds of window after the first window opens.
    pub fn at_window_second(&self, pos: i64) -> i64 {
        let i = self.prefix.partition_point(|p| *p <= pos).saturating_sub(1);
        self.intervals
            .get(i)
            .map_or(0, |(s, e)| (s + pos - self.prefix[i]).min(e - 1))
    }

    /// The last instant of the campaign's range.
    pub fn last(&self) -> i64 {
        self.schedule.end_at.timestamp() - 1
    }

    fn day(&self, t: i64) -> NaiveDate {
        self.schedule.day_of(instant(t))
    }
}

/// Seconds to an instant (every value here came from one).
pub(crate) fn instant(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or_default()
}

fn ceil_minute(t: i64) -> i64 {
    (t + 59).div_euclid(60) * 60
}

fn floor_minute(t: i64) -> i64 {
    t.div_euclid(60) * 60
}

/// One account's busy instants and notes per local day.
#[derive(Clone)]
pub(crate) struct Slots<'g, 's> {
    grid: &'g Grid<'s>,
    busy: Vec<i64>,
    days: HashMap<NaiveDate, u32>,
}

impl<'g, 's> Slots<'g, 's> {
    /// Busy instants count against the gap and their day's limit.
    pub fn new(grid: &'g Grid<'s>, busy: &[DateTime<Utc>]) -> Self {
        let mut busy: Vec<i64> = busy.iter().map(|b| b.timestamp()).collect();
        busy.sort_unstable();
        let mut days = HashMap::new();
        for b in &busy {
            *days.entry(grid.day(*b)).or_insert(0) += 1;
        }
        Self { grid, busy, days }
    }

    /// Records a placed note on its day. The gap to it is the caller's: it
    /// places in order and searches beyond it.
    pub fn take(&mut self, t: i64) {
        *self.days.entry(self.grid.day(t)).or_insert(0) += 1;
    }

    fn day_full(&self, day: NaiveDate) -> bool {
        self.days.get(&day).copied().unwrap_or(0) >= self.grid.schedule.per_account_per_day
    }

    /// The first free instant at or after `from`.
    pub fn earliest(&self, from: i64) -> Option<i64> {
        let (ivs, gap) = (&self.grid.intervals, self.grid.gap);
        let mut t = ceil_minute(from);
        loop {
            let &(s, e) = ivs.get(ivs.partition_point(|iv| iv.1 <= t))?;
            if t < s {
                // The ceiling may pass a window without a whole minute: the
                // next turn looks at the following one.
                t = ceil_minute(s).max(t + 60);
                continue;
            }
            debug_assert!(t < e);
            let j = self.busy.partition_point(|b| *b <= t - gap);
            if let Some(b) = self.busy.get(j).filter(|b| **b < t + gap) {
                t = ceil_minute(b + gap);
                continue;
            }
            let day = self.grid.day(t);
            if self.day_full(day) {
                let next = day.succ_opt()?;
                t = ceil_minute(self.grid.schedule.day_start(next).timestamp()).max(t + 60);
                continue;
            }
            return Some(t);
        }
    }

    /// The last free instant at or before `to`.
    pub fn latest(&self, to: i64) -> Option<i64> {
        let (ivs, gap) = (&self.grid.intervals, self.grid.gap);
        let mut t = floor_minute(to);
        loop {
            let i = ivs.partition_point(|iv| iv.0 <= t).checked_sub(1)?;
            let (s, e) = ivs[i];
            if t >= e {
                t = floor_minute(e - 1);
                if t < s {
                    t = s - 1; // no whole minute in this interval
                }
                continue;
            }
            let j = self.busy.partition_point(|b| *b < t + gap);
            if let Some(b) = j
                .checked_sub(1)
                .map(|j| self.busy[j])
                .filter(|b| *b > t - gap)
            {
                t = floor_minute(b - gap);
                continue;
            }
            let day = self.grid.day(t);
            if self.day_full(day) {
                t = floor_minute(self.grid.schedule.day_start(day).timestamp() - 1).min(t - 60);
                continue;
            }
            return Some(t);
        }
    }
}
