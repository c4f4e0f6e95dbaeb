//! Operator sessions, keyed by the SHA-256 of the bearer token.
use crate::entities::{
    operator,
    operator_session::{self, Entity as Session},
};
use crate::{now_utc, PersistenceError};
use chrono::NaiveDateTime;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

pub async fn create(
    db: &impl ConnectionTrait,
    operator_id: i64,
    token_hash: &str,
    expires_at: NaiveDateTime,
) -> Result<operator_session::Model, PersistenceError> {
    Ok(operator_session::ActiveModel {
        operator_id: Set(operator_id),
        token_hash: Set(token_hash.to_owned()),
        created_at: Set(now_utc()),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The live (unexpired) session for a token hash, with its operator; none
/// when the operator is disabled.
pub async fn find_live(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<(operator_session::Model, operator::Model)>, PersistenceError> {
    let found = Session::find()
        .filter(operator_session::Column::TokenHash.eq(token_hash))
        .filter(operator_session::Column::ExpiresAt.gt(now_utc()))
        .find_also_related(operator::Entity)
        .one(db)
        .await?;
    Ok(found.and_then(|(s, o)| o.filter(|o| !o.disabled).map(|o| (s, o))))
}

pub async fn delete(db: &impl ConnectionTrait, token_hash: &str) -> Result<(), PersistenceError> {
    Session::delete_many()
        .filter(operator_session::Column::TokenHash.eq(token_hash))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes every expired session (called on login, so the table stays small).
pub async fn purge_expired(db: &impl ConnectionTrait) -> Result<u64, PersistenceError> {
    let r = Session::delete_many()
        .filter(operator_session::Column::ExpiresAt.lte(now_utc()))
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

/// Ends every session of an operator (after a password reset).
pub async fn delete_for_operator(
    db: &impl ConnectionTrait,
    operator_id: i64,
) -> Result<(), PersistenceError> {
    Session::delete_many()
        .filter(operator_session::Column::OperatorId.eq(operator_id))
        .exec(db)
        .await?;
    Ok(())
}
