use crate::auth::Operator;
use crate::dto::task::{Task, TaskPage, TaskQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::fleet::tasks;

/// Robot tasks, newest first, by post, robot and status.
#[utoipa::path(tag = "robots", security(("bearer" = ["viewer"])), params(TaskQuery), responses(
    (status = 200, body = TaskPage),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/tasks")]
pub async fn list_tasks(
    state: web::Data<AppState>,
    _op: Operator,
    q: web::Query<TaskQuery>,
) -> Result<web::Json<TaskPage>, ApiError> {
    let q = q.into_inner();
    let (rows, next_cursor) = tasks::list(
        &state.app,
        tasks::TaskQuery {
            limit: q.limit,
            cursor: q.cursor,
            post_id: q.post_id,
            robot_id: q.robot_id,
            status: q.status,
        },
    )
    .await?;
    Ok(web::Json(TaskPage {
        items: rows
            .into_iter()
            .map(|t| Task::new(t, &state.app.fleet))
            .collect(),
        next_cursor,
    }))
}
