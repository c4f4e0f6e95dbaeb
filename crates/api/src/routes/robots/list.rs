use crate::auth::Operator;
use crate::dto::robot::{Robot, RobotPage, RobotQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::fleet::robots;

/// The synced robots, newest first, a page at a time; filter by text and by
/// state.
#[utoipa::path(tag = "robots", security(("bearer" = ["viewer"])), params(RobotQuery), responses(
    (status = 200, body = RobotPage),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`robots_not_configured`", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/robots")]
pub async fn list_robots(
    state: web::Data<AppState>,
    _op: Operator,
    q: web::Query<RobotQuery>,
) -> Result<web::Json<RobotPage>, ApiError> {
    let q = q.into_inner();
    let page = robots::list(
        &state.app,
        robots::RobotQuery {
            limit: q.limit,
            cursor: q.cursor,
            q: q.q,
            online: q.online,
            enabled: q.enabled,
            captcha: q.captcha,
        },
    )
    .await?;
    Ok(web::Json(RobotPage {
        items: page.items.into_iter().map(Robot::from).collect(),
        next_cursor: page.next_cursor,
        last_sync_at: page.last_sync_at,
    }))
}
