use crate::auth::Acting;
use crate::dto::campaign::{Assignment, AssignmentMoveInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::campaigns;

/// Moves one assignment to another instant, under the plan's rules; a
/// launched one moves its link's opening or its task's due time too.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "campaign id"), ("assignment_id" = i64, Path, description = "assignment id")), request_body = AssignmentMoveInput, responses(
    (status = 200, body = Assignment),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`campaign_state`: the campaign is draft, finished or cancelled", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "`scheduled_at` breaks a rule, named: `range`, `daily_window`, `min_gap`, `day_limit`, `future`, or the assignment no longer moves (`one_of`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/campaigns/{id}/assignments/{assignment_id}")]
pub async fn move_assignment(
    state: web::Data<AppState>,
    op: Acting,
    path: web::Path<(i64, i64)>,
    body: Json<AssignmentMoveInput>,
) -> Result<web::Json<Assignment>, ApiError> {
    let (id, assignment_id) = path.into_inner();
    let a =
        campaigns::move_assignment(&state.app, &op, id, assignment_id, body.0.scheduled_at).await?;
    Ok(web::Json(a.into()))
}
