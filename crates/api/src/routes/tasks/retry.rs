use crate::auth::Acting;
use crate::dto::task::Task;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::fleet::tasks;

/// Sends a failed, timed-out, cancelled or unknown task again, deliberately:
/// a new request id, due now.
#[utoipa::path(tag = "robots", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "task id")), responses(
    (status = 200, body = Task),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`task_state`: not retryable in its status", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/tasks/{id}/retry")]
pub async fn retry_task(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<web::Json<Task>, ApiError> {
    let task = tasks::retry(&state.app, &op, id.into_inner()).await?;
    tracing::info!(task_id = task.id, operator = %op.name, "task retry");
    Ok(web::Json(Task::new(task, &state.app.fleet)))
}
