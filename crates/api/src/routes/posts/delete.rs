use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::notes::posts;

/// Soft-deletes a post (`is_deleted`, `deleted_at`).
///
/// Afterwards every `/api/posts/{id}` operation, the preview and the publish
/// payload answer 404, and its links' share pages 410 `post_deleted`; its
/// links themselves (`GET /api/links/{id}`, their statistics and QR codes)
/// and its publish records stay readable, as history.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/posts/{id}")]
pub async fn delete_post(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    posts::delete(&state.app, &op, id).await?;
    tracing::info!(post_id = id, operator = %op.name, "post deleted");
    Ok(HttpResponse::NoContent().finish())
}
