use crate::auth::Operator;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::stats::dashboard::Dashboard;

/// The console's home: today's and this week's counts, the notes and links that moved most this week, and what needs a look (failure reasons, robot tasks failed, unknown, paused or waiting).
#[utoipa::path(tag = "stats", security(("bearer" = ["viewer"])), responses(
    (status = 200, body = Dashboard),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/dashboard")]
pub async fn get_dashboard(
    state: web::Data<AppState>,
    _op: Operator,
) -> Result<web::Json<Dashboard>, ApiError> {
    Ok(web::Json(xhs_app::stats::dashboard::get(&state.app).await?))
}
