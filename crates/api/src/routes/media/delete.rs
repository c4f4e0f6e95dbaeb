use crate::auth::Operator;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_media::StorageKey;
use xhs_persistence::media;

/// Removes an item and its files. Refused with 409 `media_in_use` while a
/// post that is not deleted uses its URL as an image, cover or video.
#[utoipa::path(tag = "media", security(("bearer" = [])), params(("id" = i64, Path, description = "media id")), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "a live post uses it", body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/media/{id}")]
pub async fn delete_media(
    state: web::Data<AppState>,
    op: Operator,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let row = super::load(&state, id.into_inner()).await?;
    let posts = media::live_posts_using(&state.db, &row.sha256).await?;
    if posts > 0 {
        return Err(ApiError::MediaInUse { posts });
    }
    if !media::delete(&state.db, row.id).await? {
        return Err(ApiError::NotFound("media"));
    }
    // The row goes first: a file left behind by a storage failure is only
    // wasted space, while a row without its file would be a broken item.
    let keys = [Some(row.storage_key.as_str()), row.thumb_key.as_deref()];
    for key in keys.into_iter().flatten().filter_map(StorageKey::parse) {
        if let Err(e) = state.media.delete(&key).await {
            tracing::warn!(key = %key, error = %e, "media file not removed");
        }
    }
    tracing::info!(media_id = row.id, operator = %op.username, "media deleted");
    Ok(HttpResponse::NoContent().finish())
}
