use super::{stats, StatsQuery};
use crate::auth::Operator;
use crate::dto::stats::Stats;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_persistence::events::Scope;

/// Opens, taps, app opens, failures by reason and confirmed publishes of one account, in total and per day.
#[utoipa::path(tag = "stats", security(("bearer" = [])), params(("id" = i64, Path, description = "account id"), StatsQuery), responses(
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
    let id = id.into_inner();
    xhs_persistence::accounts::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound("account"))?;
    Ok(web::Json(stats(&state, Scope::Account(id), &q).await?))
}
