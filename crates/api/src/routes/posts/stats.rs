use crate::auth::Operator;
use crate::dto::stats::{Stats, StatsQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::stats;

/// Opens, taps, app opens, failures by reason and confirmed publishes of one post, in total and per day.
///
/// A deleted post answers 404 (its links' statistics stay readable at
/// `GET /api/links/{id}/stats`).
#[utoipa::path(tag = "stats", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id"), StatsQuery), responses(
    (status = 200, body = Stats),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/stats")]
pub async fn post_stats(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<StatsQuery>,
) -> Result<web::Json<Stats>, ApiError> {
    Ok(web::Json(
        stats::of_post(&state.app, id.into_inner(), q.days).await?,
    ))
}
