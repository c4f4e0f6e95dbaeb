use crate::auth::Operator;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;
use xhs_app::links::handoff::PlatformStatus;

/// Every platform a link can offer, in the server's order.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlatformList {
    pub platforms: Vec<PlatformStatus>,
}

/// Each platform's hand-off now, whether the server has its credentials, and for XHS and Douyin how the last token fetch went (never a secret).
#[utoipa::path(tag = "platforms", security(("bearer" = ["viewer"])), responses(
    (status = 200, body = PlatformList),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/platforms")]
pub async fn list_platforms(
    state: web::Data<AppState>,
    _op: Operator,
) -> Result<web::Json<PlatformList>, ApiError> {
    Ok(web::Json(PlatformList {
        platforms: xhs_app::links::handoff::list(&state.app),
    }))
}
