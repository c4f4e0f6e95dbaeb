//! Statistics of share pages per post, link and account: what the console's
//! charts and list totals are made of.
use crate::{AppResult, Services};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use xhs_domain::{EventKind, FieldError, Rule};
pub use xhs_persistence::events::Scope;
use xhs_persistence::events::{self, GroupBy};

/// Counts of what happened on share pages.
#[derive(Debug, Default, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct Totals {
    pub opens: i64,
    pub taps: i64,
    pub sdk_loads: i64,
    pub app_opens: i64,
    pub failures: i64,
    pub fallbacks: i64,
    /// Publishes confirmed with the note's URL (by the page or an operator).
    pub confirmed: i64,
}

impl Totals {
    /// Adds `n` events of `kind`.
    pub fn add(&mut self, kind: EventKind, n: i64) {
        let slot = match kind {
            EventKind::Opened => &mut self.opens,
            EventKind::PublishTapped => &mut self.taps,
            EventKind::SdkLoaded => &mut self.sdk_loads,
            EventKind::AppOpened => &mut self.app_opens,
            EventKind::SdkFailed => &mut self.failures,
            EventKind::FallbackUsed => &mut self.fallbacks,
            EventKind::Confirmed => &mut self.confirmed,
        };
        *slot += n;
    }
}

/// One day's counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct DayCounts {
    /// `YYYY-MM-DD` in the statistics' time zone (`XHSPUB__STATS__TIMEZONE`).
    pub day: String,
    #[serde(flatten)]
    pub totals: Totals,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonCount {
    /// The SDK's error as reported (null when the page gave none).
    pub reason: Option<String>,
    pub count: i64,
}

/// Robot publishes (tasks) over the period.
#[derive(Debug, Default, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct RobotTotals {
    /// Published, with the note link the provider reported.
    pub succeeded: i64,
    pub failed: i64,
    pub timed_out: i64,
    /// Queued, waiting, paused, sending or accepted.
    pub in_progress: i64,
    /// Sends whose answer never came (check and resend or cancel).
    pub unknown: i64,
}

/// What went to one platform over the period.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlatformCounts {
    pub platform: xhs_domain::SharePlatform,
    #[serde(flatten)]
    pub totals: Totals,
}

/// Statistics of a post, a link or an account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Stats {
    /// Robot publishes of the post or account over the period (zero for a link).
    pub robot: RobotTotals,
    /// Over the chosen period (`days`).
    pub totals: Totals,
    /// SDK failures by reason, most frequent first, over the chosen period.
    pub failures_by_reason: Vec<ReasonCount>,
    /// Every day of the window, oldest first, zeros included.
    pub daily: Vec<DayCounts>,
    /// Taps and what followed them per platform, over the period (platforms
    /// without events left out). Everything on a link that offers one
    /// platform counts for it; confirmed publishes count for XHS on a link
    /// that offers it (their URL is an XHS note's), else for the platform of
    /// the link's last tap; page opens on a link of several platforms count
    /// for none.
    pub by_platform: Vec<PlatformCounts>,
}

/// The statistics of one post, link or account over the last `days` days.
pub async fn of(s: &Services, scope: Scope, days: Option<u32>) -> AppResult<Stats> {
    let days = days.unwrap_or(30);
    if !(1..=365).contains(&days) {
        return Err(
            FieldError::new("days", Rule::Range, "days must be 1 to 365")
                .counts(days as usize, 365)
                .into(),
        );
    }
    let today = s.settings.today();
    let since = (today - chrono::Duration::days(i64::from(days) - 1))
        .format("%Y-%m-%d")
        .to_string();
    let mut totals = Totals::default();
    for (kind, n) in events::totals(&s.db, scope, &since).await? {
        totals.add(kind, n);
    }
    let failures_by_reason = events::failure_reasons(&s.db, scope, &since)
        .await?
        .into_iter()
        .map(|(reason, count)| ReasonCount { reason, count })
        .collect();
    // Keyed by the platform's place in the enum: XHS first, as links list them.
    let mut by_platform: BTreeMap<u8, PlatformCounts> = BTreeMap::new();
    for (platform, kind, n) in events::totals_by_platform(&s.db, scope, &since).await? {
        by_platform
            .entry(platform as u8)
            .or_insert_with(|| PlatformCounts {
                platform,
                totals: Totals::default(),
            })
            .totals
            .add(kind, n);
    }
    let rows = events::daily_counts(&s.db, scope, &since).await?;
    let since_instant = today
        .checked_sub_days(chrono::Days::new(u64::from(days) - 1))
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|d| d.and_local_timezone(s.settings.stats_timezone).earliest())
        .map(|t| t.naive_utc())
        .unwrap_or_default();
    let (post, robot) = match scope {
        Scope::Post(id) => (Some(id), None),
        Scope::Account(id) => (None, Some(id)),
        Scope::Link(_) | Scope::Campaign(_) | Scope::All => (None, None),
    };
    let mut robot_totals = RobotTotals::default();
    if post.is_some() || robot.is_some() {
        for (status, n) in
            xhs_persistence::tasks::count_by_status(&s.db, post, robot, since_instant).await?
        {
            use xhs_domain::TaskStatus as T;
            let slot = match status {
                T::Succeeded => &mut robot_totals.succeeded,
                T::Failed => &mut robot_totals.failed,
                T::TimedOut => &mut robot_totals.timed_out,
                T::Unknown => &mut robot_totals.unknown,
                T::Cancelled => continue,
                T::Queued | T::Waiting | T::Paused | T::Sending | T::Accepted => {
                    &mut robot_totals.in_progress
                }
            };
            *slot += n;
        }
    }
    Ok(Stats {
        robot: robot_totals,
        totals,
        failures_by_reason,
        daily: daily(rows, today, days),
        by_platform: by_platform.into_values().collect(),
    })
}

/// Totals of many posts or links in one query, by id.
pub(crate) async fn totals_by(
    s: &Services,
    group: GroupBy,
    ids: &[i64],
) -> AppResult<BTreeMap<i64, Totals>> {
    let mut by_id: BTreeMap<i64, Totals> = ids.iter().map(|id| (*id, Totals::default())).collect();
    for (id, kind, n) in events::totals_by(&s.db, group, ids).await? {
        by_id.entry(id).or_default().add(kind, n);
    }
    Ok(by_id)
}

/// Fills every day of the window, so a chart needs no gap logic.
fn daily(
    rows: Vec<(String, EventKind, i64)>,
    today: chrono::NaiveDate,
    days: u32,
) -> Vec<DayCounts> {
    let mut by_day: BTreeMap<String, Totals> = (0..days)
        .rev()
        .map(|back| {
            (
                (today - chrono::Duration::days(i64::from(back)))
                    .format("%Y-%m-%d")
                    .to_string(),
                Totals::default(),
            )
        })
        .collect();
    for (day, kind, n) in rows {
        if let Some(t) = by_day.get_mut(&day) {
            t.add(kind, n);
        }
    }
    by_day
        .into_iter()
        .map(|(day, totals)| DayCounts { day, totals })
        .collect()
}

/// The statistics of a live post.
pub async fn of_post(s: &Services, id: i64, days: Option<u32>) -> AppResult<Stats> {
    crate::lookup::live_post(s, id).await?;
    of(s, Scope::Post(id), days).await
}

/// The statistics of a link (revoked and expired ones included).
pub async fn of_link(s: &Services, id: i64, days: Option<u32>) -> AppResult<Stats> {
    crate::lookup::link(s, id).await?;
    of(s, Scope::Link(id), days).await
}

/// The statistics of an account (deleted ones included: their links live on).
pub async fn of_account(s: &Services, id: i64, days: Option<u32>) -> AppResult<Stats> {
    crate::lookup::account(s, id).await?;
    of(s, Scope::Account(id), days).await
}
