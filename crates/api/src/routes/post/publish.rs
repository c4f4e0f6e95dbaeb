use crate::auth::Operator;
use crate::dto::publish::PublishPayload;
use crate::{ApiError, AppState};
use actix_web::{get, http::header, web, HttpResponse};
use xhs_domain::{PostDraft, ShareInfo};

/// The signed payload for `xhs.share`: `shareInfo` from the post and
/// `verifyConfig` (as `data`) signed with the cached access token. A fresh
/// nonce and timestamp every call; never cached.
#[utoipa::path(tag = "publish", security(("bearer" = [])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = PublishPayload),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "the stored post breaks a rule", body = crate::Problem, content_type = "application/problem+json"),
    (status = 502, description = "XHS refused the token request (its message is in `detail`)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`xhs_not_configured`: no appKey/appSecret; the page offers the copy-text fallback", body = crate::Problem, content_type = "application/problem+json"),
    (status = 504, description = "XHS did not answer in time", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/post/publish/{id}")]
pub async fn publish(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let post = crate::routes::posts::load(&state, id.into_inner()).await?;
    let payload = signed_payload(&state, &post.raw()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(payload))
}

/// Builds the payload for any stored post (share links reuse this).
pub async fn signed_payload(
    state: &AppState,
    raw: &xhs_domain::RawPost,
) -> Result<PublishPayload, ApiError> {
    let draft = PostDraft::parse(raw)?;
    let verify = state.signer.verify_config().await?;
    Ok(PublishPayload {
        data: verify.into(),
        share_info: ShareInfo::from(&draft).into(),
    })
}
