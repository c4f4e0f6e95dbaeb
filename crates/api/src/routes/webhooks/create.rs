use crate::auth::Acting;
use crate::dto::webhook::{WebhookInput, WebhookWithSecret};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{http::header, post, web, HttpResponse};
use secrecy::ExposeSecret;
use xhs_app::webhooks;

/// Adds a webhook endpoint; its secret is answered this once.
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), request_body = WebhookInput, responses(
    (status = 201, body = WebhookWithSecret),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a URL that is not https on a public address, an unknown event; every failing field is listed", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    op: Acting,
    body: Json<WebhookInput>,
) -> Result<HttpResponse, ApiError> {
    let created = webhooks::create(&state.app, &op, &body.0.into()).await?;
    let id = created.webhook.id;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/webhooks/{id}")))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(WebhookWithSecret {
            webhook: created.webhook.into(),
            secret: created.secret.expose_secret().to_owned(),
        }))
}
