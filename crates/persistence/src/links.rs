//! Share links. The token is the only handle the public side ever sees.
use crate::entities::share_link::{self, Entity as Link};
use crate::entities::x_post;
use crate::{now_utc, PersistenceError};
use chrono::NaiveDateTime;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

#[derive(Debug, Clone)]
pub struct NewLink {
    pub token: String,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub label: Option<String>,
    pub expires_at: Option<NaiveDateTime>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    l: &NewLink,
) -> Result<share_link::Model, PersistenceError> {
    Ok(share_link::ActiveModel {
        token: Set(l.token.clone()),
        post_id: Set(l.post_id),
        account_id: Set(l.account_id),
        label: Set(l.label.clone()),
        expires_at: Set(l.expires_at),
        revoked_at: Set(None),
        created_at: Set(now_utc()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// A link by token, with its post (deleted or not: the caller decides what a
/// deleted post's link answers).
pub async fn find_by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(share_link::Model, x_post::Model)>, PersistenceError> {
    let found = Link::find()
        .filter(share_link::Column::Token.eq(token))
        .find_also_related(x_post::Entity)
        .one(db)
        .await?;
    Ok(found.and_then(|(l, p)| p.map(|p| (l, p))))
}

pub async fn find(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<share_link::Model>, PersistenceError> {
    Ok(Link::find_by_id(id).one(db).await?)
}

pub async fn list_for_post(
    db: &impl ConnectionTrait,
    post_id: i64,
) -> Result<Vec<share_link::Model>, PersistenceError> {
    Ok(Link::find()
        .filter(share_link::Column::PostId.eq(post_id))
        .order_by_desc(share_link::Column::Id)
        .all(db)
        .await?)
}

/// Revokes a link that is not revoked yet; false when there was none.
pub async fn revoke(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    let r = Link::update_many()
        .col_expr(share_link::Column::RevokedAt, Expr::value(Some(now_utc())))
        .filter(share_link::Column::Id.eq(id))
        .filter(share_link::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
