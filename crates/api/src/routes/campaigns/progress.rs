use crate::auth::Operator;
use crate::dto::campaign::CampaignProgress;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::campaigns;

/// Counts per status overall, per note, per variant, per group and per
/// account, and the share published.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 200, body = CampaignProgress),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/campaigns/{id}/progress")]
pub async fn campaign_progress(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<CampaignProgress>, ApiError> {
    let p = campaigns::progress(&state.app, id.into_inner()).await?;
    Ok(web::Json(p.into()))
}
