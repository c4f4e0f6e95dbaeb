use crate::auth::Operator;
use crate::dto::version::{DiffQuery, PostDiff};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::versions;

/// What changed between two versions of a note: only the fields that differ,
/// each with a line diff.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id"), DiffQuery), responses(
    (status = 200, body = PostDiff),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post, or deleted", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "`from` or `to` is missing, not a number, or names no version of this note", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/diff")]
pub async fn diff_versions(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<DiffQuery>,
) -> Result<web::Json<PostDiff>, ApiError> {
    let d = versions::diff(
        &state.app,
        id.into_inner(),
        q.from.as_deref(),
        q.to.as_deref(),
    )
    .await?;
    Ok(web::Json(d.into()))
}
