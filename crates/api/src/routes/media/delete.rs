use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::notes::media;

/// Removes an item and its files. Refused with 409 `media_in_use` while a
/// post that is not deleted uses its URL as an image, cover or video.
///
/// For good: afterwards the item (`GET /api/media/{id}`) and its files
/// (`GET /media/{key}`) answer 404.
#[utoipa::path(tag = "media", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "media id")), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "a live post uses it", body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/media/{id}")]
pub async fn delete_media(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let removed = media::delete(&state.app, &op, id.into_inner()).await?;
    tracing::info!(media_id = removed.id, operator = %op.name, "media deleted");
    Ok(HttpResponse::NoContent().finish())
}
