use crate::auth::Operator;
use crate::dto::post::Preflight;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::posts;

/// Every XHS rule's verdict on a stored post.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id")), responses(
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
    let verdict = posts::preflight_stored(&state.app, id.into_inner()).await?;
    Ok(web::Json(Preflight::new(verdict, &state.app)))
}
