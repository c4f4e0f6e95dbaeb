use crate::auth::Operator;
use crate::dto::campaign::{Campaign, CampaignPage, CampaignQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::campaigns;

/// Campaigns, newest first, by status.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["viewer"])), params(CampaignQuery), responses(
    (status = 200, body = CampaignPage),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/campaigns")]
pub async fn list_campaigns(
    state: web::Data<AppState>,
    _op: Operator,
    q: web::Query<CampaignQuery>,
) -> Result<web::Json<CampaignPage>, ApiError> {
    let q = q.into_inner();
    let query = campaigns::CampaignQuery {
        status: q.status,
        limit: q.limit,
        cursor: q.cursor,
    };
    let (rows, next_cursor) = campaigns::list(&state.app, &query).await?;
    let tz = super::tz(&state);
    Ok(web::Json(CampaignPage {
        items: rows.into_iter().map(|c| Campaign::new(c, &tz)).collect(),
        next_cursor,
    }))
}
