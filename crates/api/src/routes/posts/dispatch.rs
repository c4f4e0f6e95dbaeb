use crate::auth::Acting;
use crate::dto::task::{DispatchInput, DispatchResult, Task};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::fleet::dispatch;

/// Sends the note from many robot accounts: one task per robot (each also a
/// publish record of the note and that account), staggered over
/// `spread_minutes` with jitter. The dispatcher sends them under the
/// provider's limits.
#[utoipa::path(tag = "robots", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), request_body = DispatchInput, responses(
    (status = 201, body = DispatchResult),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`post_not_approved`: approval is on and the note is not approved; `review_status` says where it is", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "the note breaks a rule, a robot is unknown, or a bound is crossed", body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`robots_not_configured`", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/dispatch")]
pub async fn dispatch_post(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<DispatchInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.0;
    let tasks = dispatch::dispatch(
        &state.app,
        &op,
        id.into_inner(),
        dispatch::DispatchInput {
            robot_ids: input.robot_ids,
            not_before: input.not_before,
            spread_minutes: input.spread_minutes,
        },
    )
    .await?;
    tracing::info!(tasks = tasks.len(), operator = %op.name, "note dispatched to robots");
    Ok(HttpResponse::Created().json(DispatchResult {
        tasks: tasks
            .into_iter()
            .map(|t| Task::new(t, &state.app.fleet))
            .collect(),
    }))
}
