//! Operators as the users API sees them: a name, a role, a disabled flag.
//! Password hashes stay in [`crate::operators`] and never come out here.
use crate::entities::operator::{self, Entity as Operator};
use crate::values::{all, one, parse};
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use xhs_domain::Role;

/// A user of the console (an `operator` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub disabled: bool,
    pub locked_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<operator::Model> for User {
    type Error = PersistenceError;
    fn try_from(m: operator::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            role: parse("operator.role", &m.role)?,
            username: m.username,
            disabled: m.disabled,
            locked_until: m.locked_until.map(utc),
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        })
    }
}

/// What an update changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UserChange {
    pub role: Option<Role>,
    pub disabled: Option<bool>,
    /// A new argon2 hash; also lifts a login lock.
    pub password_hash: Option<String>,
}

/// Every user, oldest first.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<User>, PersistenceError> {
    all(Operator::find()
        .order_by_asc(operator::Column::Id)
        .all(db)
        .await?)
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<User>, PersistenceError> {
    one(Operator::find_by_id(id).one(db).await?)
}

/// A new user; a taken username is `UniqueViolation`.
pub async fn create(
    db: &impl ConnectionTrait,
    username: &str,
    password_hash: &str,
    role: Role,
) -> Result<User, PersistenceError> {
    let now = now_utc();
    operator::ActiveModel {
        username: Set(username.to_owned()),
        password_hash: Set(password_hash.to_owned()),
        role: Set(role.as_str().to_owned()),
        disabled: Set(false),
        failed_logins: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?
    .try_into()
}

/// Applies `change` to user `id`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i64,
    change: &UserChange,
) -> Result<(), PersistenceError> {
    let mut q =
        Operator::update_many().col_expr(operator::Column::UpdatedAt, Expr::value(now_utc()));
    if let Some(r) = change.role {
        q = q.col_expr(operator::Column::Role, Expr::value(r.as_str()));
    }
    if let Some(d) = change.disabled {
        q = q.col_expr(operator::Column::Disabled, Expr::value(d));
    }
    if let Some(h) = &change.password_hash {
        q = q
            .col_expr(operator::Column::PasswordHash, Expr::value(h.clone()))
            .col_expr(operator::Column::FailedLogins, Expr::value(0))
            .col_expr(
                operator::Column::LockedUntil,
                Expr::value(Option::<chrono::NaiveDateTime>::None),
            );
    }
    q.filter(operator::Column::Id.eq(id)).exec(db).await?;
    Ok(())
}

/// Enabled admins other than `except`. Every enabled admin's row is locked
/// until the transaction ends (`FOR UPDATE`, in id order, on MariaDB and
/// PostgreSQL; SQLite has one writer at a time), so two admins demoting each
/// other at once cannot both pass: the second waits and then counts anew.
pub async fn other_enabled_admins(
    db: &impl ConnectionTrait,
    except: i64,
) -> Result<u64, PersistenceError> {
    let ids: Vec<i64> = Operator::find()
        .select_only()
        .column(operator::Column::Id)
        .filter(operator::Column::Role.eq(Role::Admin.as_str()))
        .filter(operator::Column::Disabled.eq(false))
        .order_by_asc(operator::Column::Id)
        .lock_exclusive()
        .into_tuple()
        .all(db)
        .await?;
    Ok(ids.into_iter().filter(|id| *id != except).count() as u64)
}
