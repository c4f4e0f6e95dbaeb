//! The shared XHS access token row (one per app key).
use crate::entities::xhs_access_token::{self, Entity as Token};
use crate::{now_utc, PersistenceError};
use chrono::NaiveDateTime;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

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
