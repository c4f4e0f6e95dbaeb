//! The statistics: sums of the rollup counts, so a post's chart or a page of
//! totals reads a row per (link, day, kind, platform), however many events
//! there were. Failure reasons are read from the raw SDK-failure rows,
//! through indexes that lead with the scope and the kind.
use super::{GroupBy, Scope};
use crate::entities::share_event::{self, Entity as Event};
use crate::entities::share_event_count::{Column as C, Entity as Count};
use crate::PersistenceError;
use sea_orm::sea_query::{Alias, Expr, Func, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect};
use std::str::FromStr;
use xhs_domain::{EventKind, SharePlatform};

/// Reads a stored event kind; anything else is a corrupt row.
fn kind(s: &str) -> Result<EventKind, PersistenceError> {
    EventKind::from_str(s).map_err(|_| PersistenceError::Corrupt {
        column: "share_event_count.kind",
        value: s.chars().take(40).collect(),
    })
}

/// `SUM(n)` as a 64-bit integer: PostgreSQL sums a bigint to a numeric and
/// MySQL to a decimal, which do not decode as one.
fn sum_n(backend: DbBackend) -> SimpleExpr {
    let sum = Func::sum(Expr::col(C::N));
    match backend {
        DbBackend::Postgres => Expr::expr(sum).cast_as(Alias::new("bigint")),
        DbBackend::MySql => Expr::expr(sum).cast_as(Alias::new("signed")),
        DbBackend::Sqlite => sum.into(),
    }
}

/// `SELECT cols…, SUM(n) AS n FROM share_event_count … GROUP BY cols…`: the
/// one shape of every statistic; callers add their filters.
fn sums_by(db: &impl ConnectionTrait, cols: &[C]) -> sea_orm::Select<Count> {
    let mut q = Count::find().select_only();
    for col in cols {
        q = q.column(*col);
    }
    q = q.column_as(sum_n(db.get_database_backend()), "n");
    for col in cols {
        q = q.group_by(*col);
    }
    q
}

/// `(day, kind, count)` for every day since `since_day` (inclusive, `YYYY-MM-DD`).
pub async fn daily_counts(
    db: &impl ConnectionTrait,
    scope: Scope,
    since_day: &str,
) -> Result<Vec<(String, EventKind, i64)>, PersistenceError> {
    let rows: Vec<(String, String, i64)> = sums_by(db, &[C::Day, C::Kind])
        .filter(scope.counts())
        .filter(C::Day.gte(since_day))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(d, k, n)| Ok((d, kind(&k)?, n)))
        .collect()
}

/// `(day, kind, count)` for every day from `from_day` to `to_day` (both
/// inclusive, `YYYY-MM-DD`): an export's range.
pub async fn daily_counts_between(
    db: &impl ConnectionTrait,
    scope: Scope,
    from_day: &str,
    to_day: &str,
) -> Result<Vec<(String, EventKind, i64)>, PersistenceError> {
    let rows: Vec<(String, String, i64)> = sums_by(db, &[C::Day, C::Kind])
        .filter(scope.counts())
        .filter(C::Day.gte(from_day))
        .filter(C::Day.lte(to_day))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(d, k, n)| Ok((d, kind(&k)?, n)))
        .collect()
}

/// `(kind, count)` since `since_day` (inclusive).
pub async fn totals(
    db: &impl ConnectionTrait,
    scope: Scope,
    since_day: &str,
) -> Result<Vec<(EventKind, i64)>, PersistenceError> {
    let rows: Vec<(String, i64)> = sums_by(db, &[C::Kind])
        .filter(scope.counts())
        .filter(C::Day.gte(since_day))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter().map(|(k, n)| Ok((kind(&k)?, n))).collect()
}

/// `(platform, kind, count)` since `since_day`, for events that name a platform.
pub async fn totals_by_platform(
    db: &impl ConnectionTrait,
    scope: Scope,
    since_day: &str,
) -> Result<Vec<(SharePlatform, EventKind, i64)>, PersistenceError> {
    let rows: Vec<(String, String, i64)> = sums_by(db, &[C::Platform, C::Kind])
        .filter(scope.counts())
        .filter(C::Day.gte(since_day))
        .filter(C::Platform.ne(""))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(p, k, n)| {
            let platform = SharePlatform::from_str(&p).map_err(|_| PersistenceError::Corrupt {
                column: "share_event_count.platform",
                value: p.chars().take(40).collect(),
            })?;
            Ok((platform, kind(&k)?, n))
        })
        .collect()
}

/// `(reason, count)` of SDK failures since `since_day`, most frequent first.
/// Raw rows, found through an index of (scope, kind, day) or (kind, day):
/// the work is bounded by failures, not by events.
pub async fn failure_reasons(
    db: &impl ConnectionTrait,
    scope: Scope,
    since_day: &str,
) -> Result<Vec<(Option<String>, i64)>, PersistenceError> {
    let mut rows: Vec<(Option<String>, i64)> = Event::find()
        .select_only()
        .column(share_event::Column::Reason)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(share_event::Column::Kind.eq(EventKind::SdkFailed.as_str()))
        .filter(scope.events())
        .filter(share_event::Column::Day.gte(since_day))
        .group_by(share_event::Column::Reason)
        .into_tuple()
        .all(db)
        .await?;
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(rows)
}

impl GroupBy {
    fn column(self) -> C {
        match self {
            Self::Post => C::PostId,
            Self::Link => C::LinkId,
        }
    }
}

/// `(post or link id, kind, count)` of every post or link with events since
/// `since_day` (inclusive): what the dashboard ranks.
pub async fn totals_since(
    db: &impl ConnectionTrait,
    group: GroupBy,
    since_day: &str,
) -> Result<Vec<(i64, EventKind, i64)>, PersistenceError> {
    let col = group.column();
    let rows: Vec<(i64, String, i64)> = sums_by(db, &[col, C::Kind])
        .filter(C::Day.gte(since_day))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(id, k, n)| Ok((id, kind(&k)?, n)))
        .collect()
}

/// `(post or link id, kind, count)` for many posts or links in one query (the
/// list pages' totals).
pub async fn totals_by(
    db: &impl ConnectionTrait,
    group: GroupBy,
    ids: &[i64],
) -> Result<Vec<(i64, EventKind, i64)>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let col = group.column();
    let rows: Vec<(i64, String, i64)> = sums_by(db, &[col, C::Kind])
        .filter(col.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(id, k, n)| Ok((id, kind(&k)?, n)))
        .collect()
}
