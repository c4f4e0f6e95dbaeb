use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::webhooks;

/// Deletes an endpoint and its deliveries.
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "webhook id")), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    webhooks::delete(&state.app, &op, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
