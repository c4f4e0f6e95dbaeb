//! API tokens for integrators, keyed by the SHA-256 of their secret.
use crate::entities::api_token::{self, Entity as Token};
use crate::values::{all, one, parse};
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use xhs_domain::Role;

/// A stored token: never its secret, nor its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl TryFrom<api_token::Model> for ApiToken {
    type Error = PersistenceError;
    fn try_from(m: api_token::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            role: parse("api_token.role", &m.role)?,
            name: m.name,
            created_by: m.created_by,
            created_at: utc(m.created_at),
            expires_at: m.expires_at.map(utc),
            last_used_at: m.last_used_at.map(utc),
            revoked_at: m.revoked_at.map(utc),
        })
    }
}

/// A new token.
pub struct NewToken<'a> {
    pub name: &'a str,
    pub role: Role,
    pub token_hash: &'a str,
    pub created_by: &'a str,
    pub expires_at: Option<NaiveDateTime>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    t: &NewToken<'_>,
) -> Result<ApiToken, PersistenceError> {
    api_token::ActiveModel {
        name: Set(t.name.to_owned()),
        role: Set(t.role.as_str().to_owned()),
        token_hash: Set(t.token_hash.to_owned()),
        created_by: Set(t.created_by.to_owned()),
        created_at: Set(now_utc()),
        expires_at: Set(t.expires_at),
        ..Default::default()
    }
    .insert(db)
    .await?
    .try_into()
}

/// Every token, newest first (revoked ones too: they stay listed).
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<ApiToken>, PersistenceError> {
    all(Token::find()
        .order_by_desc(api_token::Column::Id)
        .all(db)
        .await?)
}

/// The token of a secret's hash when it is neither revoked nor expired.
pub async fn find_live(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> Result<Option<ApiToken>, PersistenceError> {
    let now = now_utc();
    one(Token::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .filter(api_token::Column::RevokedAt.is_null())
        .filter(
            Condition::any()
                .add(api_token::Column::ExpiresAt.is_null())
                .add(api_token::Column::ExpiresAt.gt(now)),
        )
        .one(db)
        .await?)
}

/// Marks token `id` revoked (once); false when there is no such token.
pub async fn revoke(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    if Token::find_by_id(id).one(db).await?.is_none() {
        return Ok(false);
    }
    Token::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(now_utc()))
        .filter(api_token::Column::Id.eq(id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(true)
}

/// Sets `last_used_at` to now unless it is newer than `stale_before`: one
/// conditional statement, so concurrent requests write it at most once.
pub async fn touch(
    db: &impl ConnectionTrait,
    id: i64,
    stale_before: NaiveDateTime,
) -> Result<(), PersistenceError> {
    Token::update_many()
        .col_expr(api_token::Column::LastUsedAt, Expr::value(now_utc()))
        .filter(api_token::Column::Id.eq(id))
        .filter(
            Condition::any()
                .add(api_token::Column::LastUsedAt.is_null())
                .add(api_token::Column::LastUsedAt.lt(stale_before)),
        )
        .exec(db)
        .await?;
    Ok(())
}
