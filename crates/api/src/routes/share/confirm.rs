use crate::dto::account::ConfirmInput;
use crate::extract::SmallJson;
use crate::ratelimit::ShareLimits;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpRequest, HttpResponse};
use xhs_app::links::public as share;

/// The account holder pastes back the published note's URL; it must be an XHS
/// note link. Counts as a confirmed publish for the link (and its account).
#[utoipa::path(tag = "share", params(("token" = String, Path, description = "link token")), request_body = ConfirmInput, responses(
    (status = 204, description = "confirmed"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 410, description = "`link_revoked`, `link_expired` or `post_deleted`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "not an XHS note link", body = crate::Problem, content_type = "application/problem+json"),
    (status = 429, body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "too many events wait to be written, retry after `Retry-After` (`event_queue_full`); or the database does not answer (`database_unavailable`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/share/{token}/confirm")]
pub async fn share_confirm(
    state: web::Data<AppState>,
    limits: web::Data<ShareLimits>,
    req: HttpRequest,
    token: web::Path<String>,
    body: SmallJson<ConfirmInput>,
) -> Result<HttpResponse, ApiError> {
    limits.check(&req, &token).await?;
    share::confirm(&state.app, &token, &body.0.note_url).await?;
    Ok(HttpResponse::NoContent().finish())
}
