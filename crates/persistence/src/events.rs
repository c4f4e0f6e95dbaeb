//! Share events and the counts the statistics are made of.
use crate::entities::share_event::{self, Entity as Event};
use crate::{now_utc, PersistenceError};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};

/// What a statistic is about.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    Post(i64),
    Link(i64),
    Account(i64),
}

impl Scope {
    fn condition(self) -> sea_orm::sea_query::SimpleExpr {
        match self {
            Self::Post(id) => share_event::Column::PostId.eq(id),
            Self::Link(id) => share_event::Column::LinkId.eq(id),
            Self::Account(id) => share_event::Column::AccountId.eq(id),
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub link_id: i64,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub kind: String,
    pub reason: Option<String>,
}

pub async fn insert(db: &impl ConnectionTrait, e: &NewEvent) -> Result<(), PersistenceError> {
    let now = now_utc();
    share_event::ActiveModel {
        link_id: Set(e.link_id),
        post_id: Set(e.post_id),
        account_id: Set(e.account_id),
        kind: Set(e.kind.clone()),
        reason: Set(e.reason.clone()),
        day: Set(now.format("%Y-%m-%d").to_string()),
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
) -> Result<Vec<(String, String, i64)>, PersistenceError> {
    Ok(Event::find()
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
        .await?)
}

/// `(kind, count)` over all time.
pub async fn totals(
    db: &impl ConnectionTrait,
    scope: Scope,
) -> Result<Vec<(String, i64)>, PersistenceError> {
    Ok(Event::find()
        .select_only()
        .column(share_event::Column::Kind)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(scope.condition())
        .group_by(share_event::Column::Kind)
        .into_tuple()
        .all(db)
        .await?)
}

/// `(reason, count)` of SDK failures over all time, most frequent first.
pub async fn failure_reasons(
    db: &impl ConnectionTrait,
    scope: Scope,
) -> Result<Vec<(Option<String>, i64)>, PersistenceError> {
    let mut rows: Vec<(Option<String>, i64)> = Event::find()
        .select_only()
        .column(share_event::Column::Reason)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(scope.condition())
        .filter(share_event::Column::Kind.eq("sdk_failed"))
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

/// `(post or link id, kind, count)` for many posts or links in one query (the
/// list pages' totals).
pub async fn totals_by(
    db: &impl ConnectionTrait,
    group: GroupBy,
    ids: &[i64],
) -> Result<Vec<(i64, String, i64)>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let col = match group {
        GroupBy::Post => share_event::Column::PostId,
        GroupBy::Link => share_event::Column::LinkId,
    };
    Ok(Event::find()
        .select_only()
        .column(col)
        .column(share_event::Column::Kind)
        .column_as(Expr::col(share_event::Column::Id).count(), "n")
        .filter(col.is_in(ids.iter().copied()))
        .group_by(col)
        .group_by(share_event::Column::Kind)
        .into_tuple()
        .all(db)
        .await?)
}
