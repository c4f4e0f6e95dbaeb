use crate::auth::{Acting, Operator};
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::team::auth;

/// Ends the current session; the token stops working at once.
#[utoipa::path(tag = "auth", security(("bearer" = ["viewer"])), responses(
    (status = 204, description = "logged out"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    op: Operator,
    actor: Acting,
) -> Result<HttpResponse, ApiError> {
    auth::logout(&state.app, &actor, &op).await?;
    Ok(HttpResponse::NoContent().finish())
}
