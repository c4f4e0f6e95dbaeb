use crate::auth::Operator;
use crate::dto::campaign::CampaignReminders;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::campaigns;

/// Reminders (催办): for every person who has not published, a message in
/// Chinese with their link; for each group and for everyone, one text.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 200, body = CampaignReminders),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/campaigns/{id}/reminders")]
pub async fn campaign_reminders(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<CampaignReminders>, ApiError> {
    let r = campaigns::reminders(&state.app, id.into_inner()).await?;
    Ok(web::Json(r.into()))
}
