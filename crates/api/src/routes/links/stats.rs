use crate::auth::Operator;
use crate::dto::stats::{Stats, StatsQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::stats;

/// Opens, taps, app opens, failures by reason and confirmed publishes of one link, in total and per day.
///
/// Keeps answering for a revoked or expired link, for a deleted account's
/// link and after the link's post is deleted (its share page then answers
/// 410 `post_deleted`); 404 only for an id that never existed.
#[utoipa::path(tag = "stats", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "link id"), StatsQuery), responses(
    (status = 200, body = Stats),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/links/{id}/stats")]
pub async fn link_stats(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<StatsQuery>,
) -> Result<web::Json<Stats>, ApiError> {
    Ok(web::Json(
        stats::of_link(&state.app, id.into_inner(), q.days).await?,
    ))
}
