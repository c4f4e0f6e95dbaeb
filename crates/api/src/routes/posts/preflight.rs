use crate::auth::Operator;
use crate::dto::post::Preflight;
use crate::{ApiError, AppState};
use actix_web::{get, web};

/// Every XHS rule's verdict on a stored post.
#[utoipa::path(tag = "posts", security(("bearer" = [])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = Preflight),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/preflight")]
pub async fn post_preflight(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Preflight>, ApiError> {
    let raw = super::load(&state, id.into_inner()).await?.raw();
    let mut verdict = xhs_domain::preflight(&raw);
    // Images hosted here have known sizes: add the shape advice.
    verdict
        .checks
        .extend(crate::routes::media::shape::warnings(&state, &raw).await?);
    Ok(web::Json(verdict.into()))
}
