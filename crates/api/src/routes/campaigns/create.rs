use crate::auth::Acting;
use crate::dto::campaign::{Campaign, CampaignInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::campaigns;

/// Creates a campaign in `draft` (plan it with `POST /api/campaigns/{id}/plan`).
#[utoipa::path(tag = "campaigns", security(("bearer" = ["operator"])), request_body = CampaignInput, responses(
    (status = 201, body = Campaign),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`post_not_approved`: approval is on and a note is not approved", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a field breaks a rule (`validation_failed`, naming it): unknown or deleted notes and accounts, an empty audience, `end_at` before `start_at`, a malformed or empty daily window, a day limit below 1, a note failing pre-flight for a chosen platform", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/campaigns")]
pub async fn create_campaign(
    state: web::Data<AppState>,
    op: Acting,
    body: Json<CampaignInput>,
) -> Result<HttpResponse, ApiError> {
    let c = campaigns::create(&state.app, &op, &body.0.into()).await?;
    let id = c.campaign.id;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/campaigns/{id}"),
        ))
        .json(Campaign::new(c, &super::tz(&state))))
}
