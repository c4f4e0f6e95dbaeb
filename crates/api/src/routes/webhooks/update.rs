use crate::auth::Acting;
use crate::dto::webhook::{Webhook, WebhookInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::webhooks;

/// Replaces an endpoint's URL, events, description and enabled flag;
/// enabling one the server disabled clears its reason.
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "webhook id")), request_body = WebhookInput, responses(
    (status = 200, body = Webhook),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<WebhookInput>,
) -> Result<web::Json<Webhook>, ApiError> {
    let w = webhooks::update(&state.app, &op, id.into_inner(), &body.0.into()).await?;
    Ok(web::Json(w.into()))
}
