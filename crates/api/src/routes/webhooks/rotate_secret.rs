use crate::auth::Acting;
use crate::dto::webhook::WebhookWithSecret;
use crate::{ApiError, AppState};
use actix_web::{http::header, post, web, HttpResponse};
use secrecy::ExposeSecret;
use xhs_app::webhooks;

/// A new secret, answered this once; for 24 hours deliveries carry a
/// signature with the previous secret too.
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "webhook id")), responses(
    (status = 200, body = WebhookWithSecret),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let rotated = webhooks::rotate_secret(&state.app, &op, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(WebhookWithSecret {
            webhook: rotated.webhook.into(),
            secret: rotated.secret.expose_secret().to_owned(),
        }))
}
