//! Statistics of share pages per post, link and account.
pub mod account;
pub mod link;
pub mod post;

use crate::dto::stats::{daily, ReasonCount, Stats, Totals};
use crate::{ApiError, AppState};
use serde::Deserialize;
use utoipa::IntoParams;
use xhs_persistence::events::{self, Scope};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// Days in the daily series, 1 to 365 (default 30).
    pub days: Option<u32>,
}

pub async fn stats(state: &AppState, scope: Scope, q: &StatsQuery) -> Result<Stats, ApiError> {
    let days = q.days.unwrap_or(30);
    if !(1..=365).contains(&days) {
        return Err(
            xhs_domain::ValidationErrors(vec![xhs_domain::FieldError::new(
                "days",
                "range",
                "days must be 1 to 365",
            )
            .counts(days as usize, 365)])
            .into(),
        );
    }
    let since = (chrono::Utc::now().date_naive() - chrono::Duration::days(i64::from(days) - 1))
        .format("%Y-%m-%d")
        .to_string();
    let mut totals = Totals::default();
    for (kind, n) in events::totals(&state.db, scope).await? {
        totals.add(&kind, n);
    }
    let failures_by_reason = events::failure_reasons(&state.db, scope)
        .await?
        .into_iter()
        .map(|(reason, count)| ReasonCount { reason, count })
        .collect();
    let rows = events::daily_counts(&state.db, scope, &since).await?;
    Ok(Stats {
        totals,
        failures_by_reason,
        daily: daily(rows, days),
    })
}
