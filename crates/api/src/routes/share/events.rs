use crate::dto::share::EventInput;
use crate::extract::SmallJson;
use crate::ratelimit::ShareLimits;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpRequest, HttpResponse};
use xhs_app::links::public as share;

/// Reports what happened on the page: opened, publish tapped, SDK loaded, SDK
/// failed (with its error), app opened, fallback used. Bodies over 4 KiB are
/// refused (413); rate limited like publish.
#[utoipa::path(tag = "share", params(("token" = String, Path, description = "link token")), request_body = EventInput, responses(
    (status = 204, description = "counted"),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 410, description = "`link_revoked`, `link_expired` or `post_deleted`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 413, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "unknown kind or reason too long", body = crate::Problem, content_type = "application/problem+json"),
    (status = 429, body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "too many events wait to be written, retry after `Retry-After` (`event_queue_full`); or the database does not answer (`database_unavailable`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/share/{token}/events")]
pub async fn share_event(
    state: web::Data<AppState>,
    limits: web::Data<ShareLimits>,
    req: HttpRequest,
    token: web::Path<String>,
    body: SmallJson<EventInput>,
) -> Result<HttpResponse, ApiError> {
    limits.check(&req, &token).await?;
    let e = body.0;
    let reported = share::Reported {
        kind: &e.kind,
        reason: e.reason.as_deref(),
        platform: e.platform.as_deref(),
    };
    share::event(&state.app, &token, reported).await?;
    Ok(HttpResponse::NoContent().finish())
}
