//! Share events and the counts the statistics are made of.
use crate::entities::share_event::{self, Entity as Event};
use crate::{now_utc, PersistenceError};
use std::str::FromStr;
use xhs_domain::{EventKind, SharePlatform};

/// Reads a stored event kind; anything else is a corrupt row.
fn kind(s: &str) -> Result<EventKind, PersistenceError> {
    EventKind::from_str(s).map_err(|_| PersistenceError::Corrupt {
        column: "share_event.kind",
        value: s.chars().take(40).collect(),
    })
}
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, Set,
};

/// What a statistic is about.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    Post(i64),
    Link(i64),
    Account(i64),
    /// Every event (the dashboard).
    All,
}

impl Scope {
    fn condition(self) -> Condition {
        let all = Condition::all();
        match self {
            Self::Post(id) => all.add(share_event::Column::PostId.eq(id)),
            Self::Link(id) => all.add(share_event::Column::LinkId.eq(id)),
            Self::Account(id) => all.add(share_event::Column::AccountId.eq(id)),
            Self::All => all,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub link_id: i64,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub kind: EventKind,
    pub reason: Option<String>,
    /// `YYYY-MM-DD` in the statistics' time zone.
    pub day: String,
    /// Where a tap went; None for page-level events (`opened`).
    pub platform: Option<SharePlatform>,
}

pub async fn insert(db: &impl ConnectionTrait, e: &NewEvent) -> Result<(), PersistenceError> {
    let now = now_utc();
    share_event::ActiveModel {
        link_id: Set(e.link_id),
        post_id: Set(e.post_id),
        account_id: Set(e.account_id),
        kind: Set(e.kind.as_str().to_owned()),
        reason: Set(e.reason.clone()),
        day: Set(e.day.clone()),
        platform: Set(e.platform.map(|p| p.as_str().to_owned())),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// `(day, kind, count)` for every day since `since_day` (inclusive, `YYYY-MM-DD`).
pub async fn daily_counts(
    db: &impl ConnectionTrait,
    scope: Scope,
    since_day: &str,
) -> Result<Vec<(String, EventKind, i64)>, PersistenceError> {
    let rows: Vec<(String, String, i64)> = Event::find()
        .select_only()
        .column(share_event::Column::Day)
        .column(share_event::Column::Kind)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(scope.condition())
        .filter(share_event::Column::Day.gte(since_day))
        .group_by(share_event::Column::Day)
        .group_by(share_event::Column::Kind)
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
    let rows: Vec<(String, i64)> = Event::find()
        .select_only()
        .column(share_event::Column::Kind)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(scope.condition())
        .filter(share_event::Column::Day.gte(since_day))
        .group_by(share_event::Column::Kind)
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
    let rows: Vec<(String, String, i64)> = Event::find()
        .select_only()
        .column(share_event::Column::Platform)
        .column(share_event::Column::Kind)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(scope.condition())
        .filter(share_event::Column::Day.gte(since_day))
        .filter(share_event::Column::Platform.is_not_null())
        .group_by(share_event::Column::Platform)
        .group_by(share_event::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(p, k, n)| {
            let platform = SharePlatform::from_str(&p).map_err(|_| PersistenceError::Corrupt {
                column: "share_event.platform",
                value: p.chars().take(40).collect(),
            })?;
            Ok((platform, kind(&k)?, n))
        })
        .collect()
}

/// `(reason, count)` of SDK failures since `since_day`, most frequent first.
pub async fn failure_reasons(
    db: &impl ConnectionTrait,
    scope: Scope,
    since_day: &str,
) -> Result<Vec<(Option<String>, i64)>, PersistenceError> {
    let mut rows: Vec<(Option<String>, i64)> = Event::find()
        .select_only()
        .column(share_event::Column::Reason)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(scope.condition())
        .filter(share_event::Column::Kind.eq(EventKind::SdkFailed.as_str()))
        .filter(share_event::Column::Day.gte(since_day))
        .group_by(share_event::Column::Reason)
        .into_tuple()
        .all(db)
        .await?;
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(rows)
}

/// What many totals are grouped by.
#[derive(Debug, Clone, Copy)]
pub enum GroupBy {
    Post,
    Link,
}

impl GroupBy {
    fn column(self) -> share_event::Column {
        match self {
            Self::Post => share_event::Column::PostId,
            Self::Link => share_event::Column::LinkId,
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
    let rows: Vec<(i64, String, i64)> = Event::find()
        .select_only()
        .column(col)
        .column(share_event::Column::Kind)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(share_event::Column::Day.gte(since_day))
        .group_by(col)
        .group_by(share_event::Column::Kind)
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
    let rows: Vec<(i64, String, i64)> = Event::find()
        .select_only()
        .column(col)
        .column(share_event::Column::Kind)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(col.is_in(ids.iter().copied()))
        .group_by(col)
        .group_by(share_event::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(id, k, n)| Ok((id, kind(&k)?, n)))
        .collect()
}
