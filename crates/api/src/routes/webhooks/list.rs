use crate::auth::Operator;
use crate::dto::webhook::Webhook;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::webhooks;

/// Every webhook endpoint, oldest first (never their secrets).
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), responses(
    (status = 200, body = Vec<Webhook>),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    _op: Operator,
) -> Result<web::Json<Vec<Webhook>>, ApiError> {
    let rows = webhooks::list(&state.app).await?;
    Ok(web::Json(rows.into_iter().map(Webhook::from).collect()))
}
