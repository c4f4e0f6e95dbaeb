use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::notes::variants;

/// Deletes a variant. The note's version moves on and an approved note
/// goes back to `draft`.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(
    ("id" = i64, Path, description = "post id"),
    ("variant_id" = i64, Path, description = "variant id"),
), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post (`resource: post`) or variant (`resource: variant`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/posts/{id}/variants/{variant_id}")]
pub async fn delete_variant(
    state: web::Data<AppState>,
    op: Acting,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, variant_id) = path.into_inner();
    variants::delete(&state.app, &op, id, variant_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
