//! Share events: one raw row per event (the record of what happened) and the
//! rollup counts (`share_event_count`) the statistics read, written together.
mod counts;
mod lookups;

use crate::entities::share_event::{self, Entity as Event};
use crate::entities::share_event_count::{self as count, Entity as Count};
use crate::{now_utc, PersistenceError};
use sea_orm::sea_query::{Alias, Expr, OnConflict, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, Set};
use std::collections::BTreeMap;
use xhs_domain::{EventKind, SharePlatform};

pub use counts::{
    daily_counts, daily_counts_between, failure_reasons, totals, totals_by, totals_by_platform,
    totals_since,
};
pub use lookups::{confirmed_before, last_tap_platform};

/// Rows per multi-row INSERT: far below every backend's bind-parameter limit.
const CHUNK: usize = 500;

/// What a statistic is about.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    Post(i64),
    Link(i64),
    Account(i64),
    /// The links a campaign's launch made.
    Campaign(i64),
    /// Every event (the dashboard).
    All,
}

impl Scope {
    /// The scope over raw events.
    fn events(self) -> Condition {
        use share_event::Column as C;
        self.on(C::PostId, C::LinkId, C::AccountId)
    }

    /// The scope over the rollups.
    fn counts(self) -> Condition {
        use count::Column as C;
        self.on(C::PostId, C::LinkId, C::AccountId)
    }

    fn on<C: ColumnTrait>(self, post: C, link: C, account: C) -> Condition {
        let all = Condition::all();
        match self {
            Self::Post(id) => all.add(post.eq(id)),
            Self::Link(id) => all.add(link.eq(id)),
            Self::Account(id) => all.add(account.eq(id)),
            Self::Campaign(id) => {
                use crate::entities::campaign_assignment::{Column as A, Entity};
                let links = sea_orm::sea_query::Query::select()
                    .column(A::LinkId)
                    .from(Entity)
                    .and_where(A::CampaignId.eq(id))
                    .and_where(A::LinkId.is_not_null())
                    .to_owned();
                all.add(link.in_subquery(links))
            }
            Self::All => all,
        }
    }
}

/// What many totals are grouped by.
#[derive(Debug, Clone, Copy)]
pub enum GroupBy {
    Post,
    Link,
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

/// Stores one event and counts it (in the caller's transaction).
pub async fn insert(db: &impl ConnectionTrait, e: &NewEvent) -> Result<(), PersistenceError> {
    insert_many(db, std::slice::from_ref(e)).await
}

/// Stores events (multi-row inserts) and adds them to their rollup counts, in
/// the caller's transaction: the counts never disagree with the rows.
pub async fn insert_many(
    db: &impl ConnectionTrait,
    events: &[NewEvent],
) -> Result<(), PersistenceError> {
    let now = now_utc();
    for chunk in events.chunks(CHUNK) {
        Event::insert_many(chunk.iter().map(|e| share_event::ActiveModel {
            link_id: Set(e.link_id),
            post_id: Set(e.post_id),
            account_id: Set(e.account_id),
            kind: Set(e.kind.as_str().to_owned()),
            reason: Set(e.reason.clone()),
            day: Set(e.day.clone()),
            platform: Set(e.platform.map(|p| p.as_str().to_owned())),
            created_at: Set(now),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await?;
    }
    add_counts(db, events).await
}

/// The key of a rollup row, in the order its rows are locked: every writer
/// upserts in this order, so two batches cannot deadlock on each other.
type Key<'a> = (i64, &'a str, &'static str, &'static str);

/// Adds events to their counts with one atomic upsert per key (never a read
/// then a write, so concurrent writers, in this process or another, never
/// lose a count). Events of one key are summed first: one statement may not
/// touch a row twice on PostgreSQL.
async fn add_counts(
    db: &impl ConnectionTrait,
    events: &[NewEvent],
) -> Result<(), PersistenceError> {
    let mut sums: BTreeMap<Key<'_>, (i64, Option<i64>, i64)> = BTreeMap::new();
    for e in events {
        let platform = e.platform.map_or("", |p| p.as_str());
        let key = (e.link_id, e.day.as_str(), e.kind.as_str(), platform);
        sums.entry(key).or_insert((e.post_id, e.account_id, 0)).2 += 1;
    }
    let rows: Vec<_> = sums.into_iter().collect();
    for chunk in rows.chunks(CHUNK) {
        Count::insert_many(chunk.iter().map(
            |((link, day, kind, platform), (post, account, n))| count::ActiveModel {
                link_id: Set(*link),
                post_id: Set(*post),
                account_id: Set(*account),
                day: Set((*day).to_owned()),
                kind: Set((*kind).to_owned()),
                platform: Set((*platform).to_owned()),
                n: Set(*n),
                ..Default::default()
            },
        ))
        .on_conflict(
            OnConflict::columns([
                count::Column::LinkId,
                count::Column::Day,
                count::Column::Kind,
                count::Column::Platform,
            ])
            .value(count::Column::N, incremented(db.get_database_backend()))
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// `n` plus the `n` the conflicting insert carried: `excluded.n` where the
/// upsert is ON CONFLICT (SQLite, PostgreSQL), `VALUES(n)` where it is ON
/// DUPLICATE KEY UPDATE (MySQL, MariaDB).
fn incremented(backend: DbBackend) -> SimpleExpr {
    let current = Expr::col((count::Entity, count::Column::N));
    let proposed: SimpleExpr = match backend {
        DbBackend::MySql => Expr::cust("VALUES(`n`)"),
        DbBackend::Postgres | DbBackend::Sqlite => {
            Expr::col((Alias::new("excluded"), count::Column::N)).into()
        }
    };
    current.add(proposed)
}
