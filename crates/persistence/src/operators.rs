//! Operators: the people who log in to the console.
use crate::entities::operator::{self, Entity as Operator};
use crate::{now_utc, PersistenceError};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

pub async fn find_by_username(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<Option<operator::Model>, PersistenceError> {
    Ok(Operator::find()
        .filter(operator::Column::Username.eq(username))
        .one(db)
        .await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<operator::Model>, PersistenceError> {
    Ok(Operator::find_by_id(id).one(db).await?)
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, PersistenceError> {
    Ok(Operator::find().count(db).await?)
}

/// Creates the operator, or sets a new password hash when it exists.
/// Returns true when it was created.
pub async fn upsert_password(
    db: &impl ConnectionTrait,
    username: &str,
    password_hash: &str,
) -> Result<bool, PersistenceError> {
    let now = now_utc();
    if let Some(existing) = find_by_username(db, username).await? {
        let mut row: operator::ActiveModel = existing.into();
        row.password_hash = Set(password_hash.to_owned());
        row.updated_at = Set(now);
        row.update(db).await?;
        return Ok(false);
    }
    operator::ActiveModel {
        username: Set(username.to_owned()),
        password_hash: Set(password_hash.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(true)
}
