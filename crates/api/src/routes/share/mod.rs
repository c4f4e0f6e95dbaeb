//! The public side of share links: no login, never an internal id.
pub mod confirm;
pub mod events;
pub mod publish;
pub mod show;

use crate::{ApiError, AppState};
use xhs_domain::EventKind;
use xhs_persistence::entities::{share_link, x_post};
use xhs_persistence::{events as event_store, links, now_utc};

/// The live link behind a token: 404 when unknown; 410 when revoked, expired,
/// or its post was deleted.
pub async fn resolve(
    state: &AppState,
    token: &str,
) -> Result<(share_link::Model, x_post::Model), ApiError> {
    // Tokens are 43 URL-safe characters; anything else is not worth a query.
    if token.len() > 64
        || !token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(ApiError::NotFound("link"));
    }
    let (link, post) = links::find_by_token(&state.db, token)
        .await?
        .ok_or(ApiError::NotFound("link"))?;
    if link.revoked_at.is_some() {
        return Err(ApiError::Gone(
            "link_revoked",
            "this link was revoked by its owner",
        ));
    }
    if link.expires_at.is_some_and(|e| e <= now_utc()) {
        return Err(ApiError::Gone("link_expired", "this link has expired"));
    }
    if post.is_deleted {
        return Err(ApiError::Gone(
            "post_deleted",
            "the note behind this link was deleted",
        ));
    }
    Ok((link, post))
}

/// Stores one event and moves the account's publish record along.
pub async fn record(
    state: &AppState,
    link: &share_link::Model,
    kind: EventKind,
    detail: Option<String>,
) -> Result<(), ApiError> {
    let reason = if kind == EventKind::Confirmed || kind == EventKind::SdkFailed {
        detail.clone()
    } else {
        None
    };
    event_store::insert(
        &state.db,
        &event_store::NewEvent {
            link_id: link.id,
            post_id: link.post_id,
            account_id: link.account_id,
            kind: kind.as_str().to_owned(),
            reason,
        },
    )
    .await?;
    if let Some(account_id) = link.account_id {
        crate::routes::records::advance(&state.db, link.post_id, account_id, kind, detail).await?;
    }
    Ok(())
}
