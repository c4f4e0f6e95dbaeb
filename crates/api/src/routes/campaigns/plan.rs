use crate::auth::Acting;
use crate::dto::campaign::Campaign;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::campaigns;

/// Places every (account, note) at an instant inside the schedule, spread
/// and jittered, never over an account's day limit nor closer than the gap,
/// counting its assignments in other running campaigns and its robot tasks.
/// Runs again until launch, replacing the plan.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 200, body = Campaign),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`campaign_state`: launched already; `post_not_approved`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "`schedule_infeasible`: the window is too short; `shortfalls` names each account and the slots it lacks. `validation_failed`: `schedule.start_at` has passed, or a note was deleted", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/campaigns/{id}/plan")]
pub async fn plan_campaign(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<web::Json<Campaign>, ApiError> {
    let c = campaigns::plan(&state.app, &op, id.into_inner()).await?;
    Ok(web::Json(Campaign::new(c, &super::tz(&state))))
}
