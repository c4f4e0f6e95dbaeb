use crate::dto::post::Post;
use crate::dto::publish::PublishPayload;
use crate::ratelimit::ShareLimits;
use crate::{ApiError, AppState};
use actix_web::{get, http::header, web, HttpRequest, HttpResponse};

/// The signed payload for `xhs.share`, for anyone holding a live link.
/// Rate limited per client address and per token.
#[utoipa::path(tag = "share", params(("token" = String, Path, description = "link token")), responses(
    (status = 200, body = PublishPayload),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 410, body = crate::Problem, content_type = "application/problem+json"),
    (status = 429, description = "too many calls; see Retry-After", body = crate::Problem, content_type = "application/problem+json"),
    (status = 502, body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`xhs_not_configured`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 504, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/share/{token}/publish")]
pub async fn share_publish(
    state: web::Data<AppState>,
    limits: web::Data<ShareLimits>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    limits.check(&req, &token)?;
    let (_, post) = super::resolve(&state, &token).await?;
    let payload =
        crate::routes::post::publish::signed_payload(&state, &Post::from(post).raw()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(payload))
}
