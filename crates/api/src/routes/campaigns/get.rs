use crate::auth::Operator;
use crate::dto::campaign::Campaign;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::campaigns;

/// One campaign.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 200, body = Campaign),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/campaigns/{id}")]
pub async fn get_campaign(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Campaign>, ApiError> {
    let c = campaigns::get(&state.app, id.into_inner()).await?;
    Ok(web::Json(Campaign::new(c, &super::tz(&state))))
}
