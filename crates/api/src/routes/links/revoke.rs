use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::links::manage as links;

/// Revokes a link: from now on it answers 410. Revoking twice is harmless.
#[utoipa::path(tag = "links", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "link id")), responses(
    (status = 204, description = "revoked"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/links/{id}/revoke")]
pub async fn revoke_link(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    if links::revoke(&state.app, &op, id).await? {
        tracing::info!(link_id = id, operator = %op.name, "share link revoked");
    }
    Ok(HttpResponse::NoContent().finish())
}
