use crate::auth::Acting;
use crate::dto::task::Task;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::fleet::tasks;

/// Cancels a task that has not reached the provider (queued, waiting,
/// paused) or whose fate is unknown.
#[utoipa::path(tag = "robots", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "task id")), responses(
    (status = 200, body = Task),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`task_state`: already sent or finished", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/tasks/{id}/cancel")]
pub async fn cancel_task(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<web::Json<Task>, ApiError> {
    let task = tasks::cancel(&state.app, &op, id.into_inner()).await?;
    tracing::info!(task_id = task.id, operator = %op.name, "task cancel");
    Ok(web::Json(Task::new(task, &state.app.fleet)))
}
