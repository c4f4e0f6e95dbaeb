use crate::auth::Acting;
use crate::dto::campaign::Campaign;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::campaigns;

/// Resumes a paused campaign: each held link opens, and each held task is
/// due, at its assignment's instant again (at once when that has passed).
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 200, body = Campaign),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`campaign_state`: not running, or not paused", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/campaigns/{id}/resume")]
pub async fn resume_campaign(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<web::Json<Campaign>, ApiError> {
    let c = campaigns::resume(&state.app, &op, id.into_inner()).await?;
    Ok(web::Json(Campaign::new(c, &super::tz(&state))))
}
