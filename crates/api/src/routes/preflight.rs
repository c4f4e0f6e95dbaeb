use crate::auth::Operator;
use crate::dto::post::{PostInput, Preflight};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::notes::posts;

/// Every XHS rule's verdict on an unsaved draft (the editor calls this as the
/// operator types). Broken rules are verdicts here, not a 422.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), request_body = PostInput, responses(
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
    let verdict = posts::preflight(&state.app, &body.0.raw()).await?;
    Ok(web::Json(Preflight::new(verdict, &state.app)))
}
