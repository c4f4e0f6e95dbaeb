use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::team::api_tokens;

/// Revokes an API token: refused from the next request on. It stays listed,
/// marked revoked.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "token id")), responses(
    (status = 204, description = "revoked"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/tokens/{id}")]
pub async fn delete_token(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    api_tokens::revoke(&state.app, &op, id).await?;
    tracing::info!(token_id = id, operator = %op.name, "API token revoked");
    Ok(HttpResponse::NoContent().finish())
}
