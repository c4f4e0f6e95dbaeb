//! Operators: the people who log in to the console.
use crate::entities::operator::{self, Entity as Operator};
use crate::{now_utc, PersistenceError};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use xhs_domain::Role;

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

/// Counts a failed login of operator `id`; the `max`th in a row locks it
/// until `until` (and starts the count again). Both steps are single
/// statements, so concurrent failures are all counted.
pub async fn record_failed_login(
    db: &impl ConnectionTrait,
    id: i64,
    max: i32,
    until: chrono::NaiveDateTime,
) -> Result<(), PersistenceError> {
    Operator::update_many()
        .col_expr(
            operator::Column::FailedLogins,
            Expr::col(operator::Column::FailedLogins).add(1),
        )
        .filter(operator::Column::Id.eq(id))
        .exec(db)
        .await?;
    Operator::update_many()
        .col_expr(operator::Column::FailedLogins, Expr::value(0))
        .col_expr(operator::Column::LockedUntil, Expr::value(Some(until)))
        .filter(operator::Column::Id.eq(id))
        .filter(operator::Column::FailedLogins.gte(max))
        .exec(db)
        .await?;
    Ok(())
}

/// A successful login starts the count again.
pub async fn clear_failed_logins(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<(), PersistenceError> {
    Operator::update_many()
        .col_expr(operator::Column::FailedLogins, Expr::value(0))
        .filter(operator::Column::Id.eq(id))
        .filter(operator::Column::FailedLogins.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, PersistenceError> {
    Ok(Operator::find().count(db).await?)
}

/// Creates the operator (with `role`, `admin` when none), or sets a new
/// password hash (and `role`, when given) when it exists. Returns true when
/// it was created.
pub async fn upsert_password(
    db: &impl ConnectionTrait,
    username: &str,
    password_hash: &str,
    role: Option<Role>,
) -> Result<bool, PersistenceError> {
    let now = now_utc();
    if let Some(existing) = find_by_username(db, username).await? {
        let mut row: operator::ActiveModel = existing.into();
        row.password_hash = Set(password_hash.to_owned());
        if let Some(r) = role {
            row.role = Set(r.as_str().to_owned());
        }
        row.updated_at = Set(now);
        row.update(db).await?;
        return Ok(false);
    }
    operator::ActiveModel {
        username: Set(username.to_owned()),
        password_hash: Set(password_hash.to_owned()),
        role: Set(role.unwrap_or(Role::Admin).as_str().to_owned()),
        disabled: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(true)
}
