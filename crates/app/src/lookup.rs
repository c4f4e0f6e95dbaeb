//! Finding one record by id, or answering 404: the leaf that every feature
//! may use (statistics, links and the fleet ask whether a note or a link
//! exists without depending on the feature that edits it). Rows come back
//! as stored; hosted media URLs are made absolute by `notes::hosted`.
use crate::{AppError, AppResult, Resource, Services};
use xhs_persistence::{Account, Post, StoredLink};

/// A post that is not deleted.
pub async fn live_post(s: &Services, id: i64) -> AppResult<Post> {
    xhs_persistence::posts::find_live(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Post))
}

/// A link, revoked and expired ones included.
pub async fn link(s: &Services, id: i64) -> AppResult<StoredLink> {
    xhs_persistence::links::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Link))
}

/// An account, deleted ones included (their links and records live on).
pub async fn account(s: &Services, id: i64) -> AppResult<Account> {
    xhs_persistence::accounts::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Account))
}
