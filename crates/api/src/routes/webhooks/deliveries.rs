use crate::auth::Operator;
use crate::dto::webhook::{DeliveryQuery, WebhookDelivery, WebhookDeliveryPage};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::webhooks;

/// An endpoint's deliveries, newest first: event, status, attempts, the
/// last answer (code, time, at most 1 KB of body) and the next attempt.
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "webhook id"), DeliveryQuery), responses(
    (status = 200, body = WebhookDeliveryPage),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<DeliveryQuery>,
) -> Result<web::Json<WebhookDeliveryPage>, ApiError> {
    let q = q.into_inner();
    let (rows, next_cursor) =
        webhooks::deliveries(&state.app, id.into_inner(), q.limit, q.cursor.as_deref()).await?;
    Ok(web::Json(WebhookDeliveryPage {
        items: rows.into_iter().map(WebhookDelivery::from).collect(),
        next_cursor,
    }))
}
