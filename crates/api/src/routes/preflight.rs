use crate::auth::Operator;
use crate::dto::post::{PostInput, Preflight};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web};

/// Every XHS rule's verdict on an unsaved draft (the editor calls this as the
/// operator types). Broken rules are verdicts here, not a 422.
#[utoipa::path(tag = "posts", security(("bearer" = [])), request_body = PostInput, responses(
    (status = 200, body = Preflight),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/preflight")]
pub async fn preflight_draft(
    state: web::Data<AppState>,
    _op: Operator,
    body: Json<PostInput>,
) -> Result<web::Json<Preflight>, ApiError> {
    let raw = body.0.raw();
    let mut verdict = xhs_domain::preflight(&raw);
    // Images hosted here have known sizes: add the shape advice.
    verdict
        .checks
        .extend(super::media::shape::warnings(&state, &raw).await?);
    Ok(web::Json(verdict.into()))
}
