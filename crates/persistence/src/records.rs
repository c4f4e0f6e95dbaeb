//! Publish records: one per post and account.
use crate::entities::publish_record::{self, Entity as Record};
use crate::values::{all, one};
use crate::{now_utc, PersistenceError, Record as RecordValue};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use xhs_domain::RecordStatus;

/// Makes sure a record exists for (post, account); a new one starts as `link_sent`.
pub async fn ensure(
    db: &impl ConnectionTrait,
    post_id: i64,
    account_id: i64,
    link_id: Option<i64>,
) -> Result<(), PersistenceError> {
    let now = now_utc();
    let row = publish_record::ActiveModel {
        post_id: Set(post_id),
        account_id: Set(account_id),
        link_id: Set(link_id),
        status: Set(RecordStatus::LinkSent.as_str().to_owned()),
        failure_reason: Set(None),
        note_url: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    Record::insert(row)
        .on_conflict(
            OnConflict::columns([
                publish_record::Column::PostId,
                publish_record::Column::AccountId,
            ])
            // MySQL has no DO NOTHING; sea-query polyfills it with a no-op update.
            .do_nothing_on([publish_record::Column::PostId])
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// [`ensure`] for many (post, account, link) at once, in chunks.
pub async fn ensure_many(
    db: &impl ConnectionTrait,
    rows: &[(i64, i64, Option<i64>)],
) -> Result<(), PersistenceError> {
    let now = now_utc();
    // One row per (post, account): PostgreSQL refuses to touch one twice.
    let mut seen = std::collections::HashSet::new();
    let rows: Vec<_> = rows
        .iter()
        .filter(|(p, a, _)| seen.insert((*p, *a)))
        .collect();
    for chunk in rows.chunks(500) {
        let models =
            chunk.iter().map(
                |(post_id, account_id, link_id)| publish_record::ActiveModel {
                    post_id: Set(*post_id),
                    account_id: Set(*account_id),
                    link_id: Set(*link_id),
                    status: Set(RecordStatus::LinkSent.as_str().to_owned()),
                    failure_reason: Set(None),
                    note_url: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                },
            );
        Record::insert_many(models)
            .on_conflict(
                OnConflict::columns([
                    publish_record::Column::PostId,
                    publish_record::Column::AccountId,
                ])
                .do_nothing_on([publish_record::Column::PostId])
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

pub async fn find_for(
    db: &impl ConnectionTrait,
    post_id: i64,
    account_id: i64,
) -> Result<Option<RecordValue>, PersistenceError> {
    one(Record::find()
        .filter(publish_record::Column::PostId.eq(post_id))
        .filter(publish_record::Column::AccountId.eq(account_id))
        .one(db)
        .await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<RecordValue>, PersistenceError> {
    one(Record::find_by_id(id).one(db).await?)
}

/// Moves a record from `from` to `to` only if it is still at `from`; false when
/// another writer moved it first (the caller reads again and retries).
pub async fn compare_and_set_status(
    db: &impl ConnectionTrait,
    id: i64,
    from: RecordStatus,
    to: RecordStatus,
    failure_reason: Option<String>,
    note_url: Option<String>,
    platform: Option<xhs_domain::SharePlatform>,
) -> Result<bool, PersistenceError> {
    let mut q = Record::update_many()
        .col_expr(publish_record::Column::Status, Expr::value(to.as_str()))
        .col_expr(publish_record::Column::UpdatedAt, Expr::value(now_utc()));
    if let Some(r) = failure_reason {
        q = q.col_expr(publish_record::Column::FailureReason, Expr::value(r));
    }
    if let Some(u) = note_url {
        q = q.col_expr(publish_record::Column::NoteUrl, Expr::value(u));
    }
    if let Some(p) = platform {
        q = q.col_expr(publish_record::Column::Platform, Expr::value(p.as_str()));
    }
    let res = q
        .filter(publish_record::Column::Id.eq(id))
        .filter(publish_record::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn list(
    db: &impl ConnectionTrait,
    post_id: Option<i64>,
    account_id: Option<i64>,
) -> Result<Vec<RecordValue>, PersistenceError> {
    let mut q = Record::find();
    if let Some(p) = post_id {
        q = q.filter(publish_record::Column::PostId.eq(p));
    }
    if let Some(a) = account_id {
        q = q.filter(publish_record::Column::AccountId.eq(a));
    }
    all(q
        .order_by_desc(publish_record::Column::UpdatedAt)
        .all(db)
        .await?)
}
