use crate::auth::Operator;
use crate::dto::publish::PublishPayload;
use crate::{ApiError, AppState};
use actix_web::{get, http::header, web, HttpResponse};

/// The signed payload for `xhs.share`: `shareInfo` from the post and
/// `verifyConfig` (as `data`) signed with the cached access token. A fresh
/// nonce and timestamp every call; never cached.
#[utoipa::path(tag = "publish", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = PublishPayload),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "the stored post breaks a rule", body = crate::Problem, content_type = "application/problem+json"),
    (status = 502, description = "XHS refused the token request (the log has its message)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`xhs_not_configured`: no appKey/appSecret; the page offers the copy-text fallback", body = crate::Problem, content_type = "application/problem+json"),
    (status = 504, description = "XHS did not answer in time", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/post/publish/{id}")]
pub async fn publish(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let payload =
        xhs_app::links::handoff::xhs::payload_of_post(&state.app, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(PublishPayload::from(payload)))
}
