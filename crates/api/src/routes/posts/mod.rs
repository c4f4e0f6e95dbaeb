pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod preflight;
pub mod update;

use crate::dto::post::Post;
use crate::{ApiError, AppState};
use xhs_persistence::posts;

/// A live post or 404.
pub async fn load(state: &AppState, id: i64) -> Result<Post, ApiError> {
    posts::find_live(&state.db, id)
        .await?
        .map(Post::from)
        .ok_or(ApiError::NotFound("post"))
}
