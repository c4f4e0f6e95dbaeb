use crate::auth::Acting;
use crate::dto::campaign::{Campaign, CampaignUpdate};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::campaigns;

/// Replaces a campaign not launched yet; a planned one goes back to `draft`.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "campaign id")), request_body = CampaignUpdate, responses(
    (status = 200, body = Campaign),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`version_conflict`: changed since you read it; `campaign_state`: launched already (`campaign_status` says where it is); `post_not_approved`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "as for creating", body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/campaigns/{id}")]
pub async fn update_campaign(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<CampaignUpdate>,
) -> Result<web::Json<Campaign>, ApiError> {
    let body = body.0;
    let raw = body.campaign.into();
    let c = campaigns::update(&state.app, &op, id.into_inner(), body.version, &raw).await?;
    Ok(web::Json(Campaign::new(c, &super::tz(&state))))
}
