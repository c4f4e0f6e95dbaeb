use crate::auth::Operator;
use crate::dto::stats::{Stats, StatsQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::stats;

/// Opens, taps, app opens, failures by reason and confirmed publishes of one account, in total and per day.
///
/// Keeps answering after the account is deleted: its links live on and
/// their counts are its history. 404 only for an id that never existed.
#[utoipa::path(tag = "stats", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "account id"), StatsQuery), responses(
    (status = 200, body = Stats),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/accounts/{id}/stats")]
pub async fn account_stats(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<StatsQuery>,
) -> Result<web::Json<Stats>, ApiError> {
    Ok(web::Json(
        stats::of_account(&state.app, id.into_inner(), q.days).await?,
    ))
}
