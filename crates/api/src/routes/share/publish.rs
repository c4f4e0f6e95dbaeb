use crate::dto::handout::ShareHandout;
use crate::ratelimit::ShareLimits;
use crate::{ApiError, AppState};
use actix_web::{get, http::header, web, HttpRequest, HttpResponse};
use xhs_app::links::public as share;

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublishQuery {
    /// One of the link's `platforms` (default `xhs`).
    #[param(value_type = Option<xhs_domain::SharePlatform>)]
    pub platform: Option<String>,
}

/// What the page needs to hand the note to one of the link's platforms: the
/// signed payload for `xhs.share` (the default), Douyin's signed schema,
/// Weibo's share URL, or a copy kit. Rate limited per client address and per token.
#[utoipa::path(tag = "share", params(("token" = String, Path, description = "link token"), PublishQuery), responses(
    (status = 200, body = ShareHandout),
    (status = 422, description = "an unknown platform, or one the link does not offer", body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`post_not_approved`: approval is on and the note is not approved; `review_status` says where it is. `link_not_open_yet`: the link opens later; `opens_at` says when. `link_paused`: the link's campaign is paused; it opens when resumed", body = crate::Problem, content_type = "application/problem+json"),
    (status = 410, description = "`link_revoked`, `link_expired` or `post_deleted`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 429, description = "too many calls; see Retry-After", body = crate::Problem, content_type = "application/problem+json"),
    (status = 502, body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`xhs_not_configured`, or `platform_not_configured` naming the platform", body = crate::Problem, content_type = "application/problem+json"),
    (status = 504, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/share/{token}/publish")]
pub async fn share_publish(
    state: web::Data<AppState>,
    limits: web::Data<ShareLimits>,
    req: HttpRequest,
    token: web::Path<String>,
    q: web::Query<PublishQuery>,
) -> Result<HttpResponse, ApiError> {
    limits.check(&req, &token).await?;
    let handout = share::payload(&state.app, &token, q.platform.as_deref()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(ShareHandout::from(handout)))
}
