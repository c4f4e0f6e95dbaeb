use crate::auth::Operator;
use crate::dto::webhook::Webhook;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::webhooks;

/// One webhook endpoint (never its secret).
#[utoipa::path(tag = "webhooks", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "webhook id")), responses(
    (status = 200, body = Webhook),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Webhook>, ApiError> {
    Ok(web::Json(
        webhooks::get(&state.app, id.into_inner()).await?.into(),
    ))
}
