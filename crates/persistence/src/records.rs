//! Publish records: one per post and account.
use crate::entities::publish_record::{self, Entity as Record};
use crate::{now_utc, PersistenceError};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// Makes sure a record exists for (post, account); a new one starts as `link_sent`.
pub async fn ensure(
    db: &impl ConnectionTrait,
    post_id: i64,
    account_id: i64,
    link_id: i64,
) -> Result<(), PersistenceError> {
    let now = now_utc();
    let row = publish_record::ActiveModel {
        post_id: Set(post_id),
        account_id: Set(account_id),
        link_id: Set(Some(link_id)),
        status: Set("link_sent".into()),
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

pub async fn find_for(
    db: &impl ConnectionTrait,
    post_id: i64,
    account_id: i64,
) -> Result<Option<publish_record::Model>, PersistenceError> {
    Ok(Record::find()
        .filter(publish_record::Column::PostId.eq(post_id))
        .filter(publish_record::Column::AccountId.eq(account_id))
        .one(db)
        .await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<publish_record::Model>, PersistenceError> {
    Ok(Record::find_by_id(id).one(db).await?)
}

/// Sets status, and the failure reason or note URL when given.
pub async fn set_status(
    db: &impl ConnectionTrait,
    row: publish_record::Model,
    status: &str,
    failure_reason: Option<String>,
    note_url: Option<String>,
) -> Result<publish_record::Model, PersistenceError> {
    let mut am: publish_record::ActiveModel = row.into();
    am.status = Set(status.to_owned());
    if failure_reason.is_some() {
        am.failure_reason = Set(failure_reason);
    }
    if note_url.is_some() {
        am.note_url = Set(note_url);
    }
    am.updated_at = Set(now_utc());
    Ok(am.update(db).await?)
}

/// Moves a record from `from` to `to` only if it is still at `from`; false when
/// another writer moved it first (the caller reads again and retries).
pub async fn compare_and_set_status(
    db: &impl ConnectionTrait,
    id: i64,
    from: &str,
    to: &str,
    failure_reason: Option<String>,
    note_url: Option<String>,
) -> Result<bool, PersistenceError> {
    let mut q = Record::update_many()
        .col_expr(publish_record::Column::Status, Expr::value(to))
        .col_expr(publish_record::Column::UpdatedAt, Expr::value(now_utc()));
    if let Some(r) = failure_reason {
        q = q.col_expr(publish_record::Column::FailureReason, Expr::value(r));
    }
    if let Some(u) = note_url {
        q = q.col_expr(publish_record::Column::NoteUrl, Expr::value(u));
    }
    let res = q
        .filter(publish_record::Column::Id.eq(id))
        .filter(publish_record::Column::Status.eq(from))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn list(
    db: &impl ConnectionTrait,
    post_id: Option<i64>,
    account_id: Option<i64>,
) -> Result<Vec<publish_record::Model>, PersistenceError> {
    let mut q = Record::find();
    if let Some(p) = post_id {
        q = q.filter(publish_record::Column::PostId.eq(p));
    }
    if let Some(a) = account_id {
        q = q.filter(publish_record::Column::AccountId.eq(a));
    }
    Ok(q.order_by_desc(publish_record::Column::UpdatedAt)
        .all(db)
        .await?)
}
