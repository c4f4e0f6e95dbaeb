use crate::auth::Acting;
use crate::dto::webhook::WebhookDelivery;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::webhooks;

/// Sends a delivery again (the same `webhook-id`), from the start of the
/// retry schedule.
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), params(
    ("id" = i64, Path, description = "webhook id"),
    ("delivery_id" = i64, Path, description = "delivery id"),
), responses(
    (status = 202, body = WebhookDelivery),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/webhooks/{id}/deliveries/{delivery_id}/redeliver")]
pub async fn redeliver_webhook(
    state: web::Data<AppState>,
    op: Acting,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, delivery_id) = path.into_inner();
    let d = webhooks::redeliver(&state.app, &op, id, delivery_id).await?;
    Ok(HttpResponse::Accepted().json(WebhookDelivery::from(d)))
}
