use crate::extract::SmallJson;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpRequest, HttpResponse};
use xhs_app::fleet::inbound;

/// A pushed robot event from the provider (with its `Merchant-Token`):
/// `{type, data: <robot row>}`. The robot's states change; an offline,
/// disabled or captcha-held robot's tasks pause, and resume when it is back.
#[utoipa::path(tag = "robots", params(("Merchant-Token" = String, Header, description = "the merchant's token")), request_body = serde_json::Value, responses(
    (status = 204, description = "stored"),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no task with that id", body = crate::Problem, content_type = "application/problem+json"),
    (status = 413, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`robots_not_configured`", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/robots/events")]
pub async fn robot_events(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: SmallJson<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let token = super::merchant_token(&req);
    inbound::event(&state.app, token, crate::auth::client_ip(&req), &body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}
