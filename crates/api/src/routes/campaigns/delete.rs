use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::campaigns;

/// Deletes a campaign that is not running (cancel a running one first),
/// with its assignments; links and tasks made by a launch stay.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "campaign id")), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`campaign_state`: it is running", body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/campaigns/{id}")]
pub async fn delete_campaign(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    campaigns::delete(&state.app, &op, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
