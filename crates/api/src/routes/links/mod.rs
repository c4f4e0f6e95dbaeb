//! Share links of a post (operator side).
pub mod create;
pub mod get;
pub mod list;
pub mod qr_png;
pub mod qr_svg;
pub mod revoke;

use crate::dto::link::Link;
use crate::{ApiError, AppState};
use xhs_persistence::{accounts, links};

/// A link by id with its account name, or 404.
pub async fn load(
    state: &AppState,
    id: i64,
) -> Result<(xhs_persistence::entities::share_link::Model, Link), ApiError> {
    let row = links::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound("link"))?;
    let account = match row.account_id {
        Some(a) => accounts::find(&state.db, a).await?,
        None => None,
    };
    let dto = Link::new(row.clone(), &state.settings.public_url, account.as_ref());
    Ok((row, dto))
}
