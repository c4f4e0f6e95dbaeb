use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// Counts of what happened on share pages.
#[derive(Debug, Default, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct Totals {
    pub opens: i64,
    pub taps: i64,
    pub sdk_loads: i64,
    pub app_opens: i64,
    pub failures: i64,
    pub fallbacks: i64,
    /// Publishes confirmed with the note's URL.
    pub confirmed: i64,
}

impl Totals {
    pub fn add(&mut self, kind: &str, n: i64) {
        let slot = match kind {
            "opened" => &mut self.opens,
            "publish_tapped" => &mut self.taps,
            "sdk_loaded" => &mut self.sdk_loads,
            "app_opened" => &mut self.app_opens,
            "sdk_failed" => &mut self.failures,
            "fallback_used" => &mut self.fallbacks,
            "confirmed" => &mut self.confirmed,
            _ => return,
        };
        *slot += n;
    }
}

/// Totals per id from `(id, kind, count)` rows.
pub fn totals_of(rows: &[(i64, String, i64)], id: i64) -> Totals {
    let mut t = Totals::default();
    rows.iter()
        .filter(|(i, _, _)| *i == id)
        .for_each(|(_, kind, n)| t.add(kind, *n));
    t
}

/// One day's counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct DayCounts {
    /// `YYYY-MM-DD`, UTC.
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

/// Statistics of a post, a link or an account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Stats {
    /// All time.
    pub totals: Totals,
    /// SDK failures by reason, most frequent first (all time).
    pub failures_by_reason: Vec<ReasonCount>,
    /// Every day of the window, oldest first, zeros included.
    pub daily: Vec<DayCounts>,
}

/// Fills every day of the window, so a chart needs no gap logic.
pub fn daily(rows: Vec<(String, String, i64)>, days: u32) -> Vec<DayCounts> {
    let today = chrono::Utc::now().date_naive();
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
            t.add(&kind, n);
        }
    }
    by_day
        .into_iter()
        .map(|(day, totals)| DayCounts { day, totals })
        .collect()
}
