use crate::auth::Operator;
use crate::dto::post::{PostInput, Preflight};
use crate::extract::Json;
use crate::ApiError;
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
    _op: Operator,
    body: Json<PostInput>,
) -> Result<web::Json<Preflight>, ApiError> {
    Ok(web::Json(xhs_domain::preflight(&body.0.raw()).into()))
}
