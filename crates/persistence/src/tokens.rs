//! The shared XHS access token row (one per app key).
use crate::entities::xhs_access_token::{self, Entity as Token};
use crate::entities::xhs_token_lease::{self, Entity as Lease};
use crate::{now_utc, PersistenceError};
use chrono::NaiveDateTime;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set};

pub async fn load(
    db: &impl ConnectionTrait,
    app_key: &str,
) -> Result<Option<xhs_access_token::Model>, PersistenceError> {
    Ok(Token::find_by_id(app_key.to_owned()).one(db).await?)
}

/// Inserts or replaces the token of `app_key` in one statement.
pub async fn save(
    db: &impl ConnectionTrait,
    app_key: &str,
    access_token: &str,
    expires_at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let row = xhs_access_token::ActiveModel {
        app_key: Set(app_key.to_owned()),
        access_token: Set(access_token.to_owned()),
        expires_at: Set(expires_at),
        updated_at: Set(now_utc()),
    };
    Token::insert(row)
        .on_conflict(
            OnConflict::column(xhs_access_token::Column::AppKey)
                .update_columns([
                    xhs_access_token::Column::AccessToken,
                    xhs_access_token::Column::ExpiresAt,
                    xhs_access_token::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Claims the fetch lease of `app_key` for `owner` until `until`: true when the
/// lease was free, expired or already `owner`'s. Safe under races: the update
/// only takes an expired or own lease, and of two first inserts one fails on
/// the primary key.
pub async fn try_lease(
    db: &impl ConnectionTrait,
    app_key: &str,
    owner: &str,
    until: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let taken = Lease::update_many()
        .col_expr(xhs_token_lease::Column::Owner, Expr::value(owner))
        .col_expr(xhs_token_lease::Column::LeaseUntil, Expr::value(until))
        .filter(xhs_token_lease::Column::AppKey.eq(app_key))
        .filter(
            Condition::any()
                .add(xhs_token_lease::Column::LeaseUntil.lte(now_utc()))
                .add(xhs_token_lease::Column::Owner.eq(owner)),
        )
        .exec(db)
        .await?;
    if taken.rows_affected == 1 {
        return Ok(true);
    }
    if Lease::find_by_id(app_key.to_owned())
        .one(db)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let row = xhs_token_lease::ActiveModel {
        app_key: Set(app_key.to_owned()),
        owner: Set(owner.to_owned()),
        lease_until: Set(until),
    };
    match Lease::insert(row)
        .exec_without_returning(db)
        .await
        .map_err(PersistenceError::from)
    {
        Ok(_) => Ok(true),
        Err(PersistenceError::UniqueViolation) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Gives the lease up if `owner` holds it.
pub async fn release_lease(
    db: &impl ConnectionTrait,
    app_key: &str,
    owner: &str,
) -> Result<(), PersistenceError> {
    Lease::delete_many()
        .filter(xhs_token_lease::Column::AppKey.eq(app_key))
        .filter(xhs_token_lease::Column::Owner.eq(owner))
        .exec(db)
        .await?;
    Ok(())
}
