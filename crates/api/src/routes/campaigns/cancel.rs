use crate::auth::Acting;
use crate::dto::campaign::Campaign;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::campaigns;

/// Cancels a campaign: links not opened yet are revoked and tasks not sent
/// yet cancelled (their assignments become `cancelled`); nothing that
/// reached someone is touched.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 200, body = Campaign),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`campaign_state`: finished or cancelled already", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/campaigns/{id}/cancel")]
pub async fn cancel_campaign(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<web::Json<Campaign>, ApiError> {
    let c = campaigns::cancel(&state.app, &op, id.into_inner()).await?;
    Ok(web::Json(Campaign::new(c, &super::tz(&state))))
}
