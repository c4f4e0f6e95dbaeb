use crate::auth::Acting;
use crate::dto::webhook::WebhookDelivery;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::webhooks;

/// Sends a `webhook.test` event to this endpoint (enabled or not); answers
/// its delivery, sent by the worker within a moment.
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "webhook id")), responses(
    (status = 202, body = WebhookDelivery),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/webhooks/{id}/test")]
pub async fn test_webhook(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let d = webhooks::test(&state.app, &op, id.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(WebhookDelivery::from(d)))
}
