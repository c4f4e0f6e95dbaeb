use crate::dto::share::SharePage;
use crate::ratelimit::ShareLimits;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpRequest};
use xhs_app::links::public as share;
use xhs_app::AppError;

/// What the share page shows: the note, the link's label and account.
#[utoipa::path(tag = "share", params(("token" = String, Path, description = "link token")), responses(
    (status = 200, body = SharePage),
    (status = 404, description = "unknown token", body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`post_not_approved`: approval is on and the note is not approved; `review_status` says where it is", body = crate::Problem, content_type = "application/problem+json"),
    (status = 410, description = "`link_revoked`, `link_expired` or `post_deleted`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: unknown tokens count against the per-client limit of the public endpoints (`share.per_client_per_minute`); see Retry-After", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/share/{token}")]
pub async fn show_share(
    state: web::Data<AppState>,
    limits: web::Data<ShareLimits>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<web::Json<SharePage>, ApiError> {
    match share::page(&state.app, &token).await {
        // Guessing tokens costs the guesser's public quota.
        Err(e @ AppError::NotFound(_)) => {
            limits.miss(&req).await?;
            Err(e.into())
        }
        page => Ok(web::Json(page?.into())),
    }
}
