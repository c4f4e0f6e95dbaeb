use crate::auth::Acting;
use crate::dto::campaign::Campaign;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::campaigns;

/// Makes, in one transaction, a share link per assignment for people (it
/// opens at the assignment's instant) and a robot task per assignment for
/// robot accounts (sent at that instant, within the fleet's limits). A
/// second launch (even at once) finds the campaign running: 409.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 200, body = Campaign),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`campaign_state`: not planned (or launched already); `post_not_approved`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a note no longer passes pre-flight for a chosen platform", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/campaigns/{id}/launch")]
pub async fn launch_campaign(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<web::Json<Campaign>, ApiError> {
    let c = campaigns::launch(&state.app, &op, id.into_inner()).await?;
    Ok(web::Json(Campaign::new(c, &super::tz(&state))))
}
