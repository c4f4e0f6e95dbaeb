use crate::auth::Acting;
use crate::dto::post::Post;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::notes::versions;

/// Restores an old version: its content is saved as the newest version
/// (noted `restored from version N`), the post's `version` moves on, and the
/// note goes back to `draft` (it needs approval again).
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(
    ("id" = i64, Path, description = "post id"),
    ("version" = i32, Path, description = "the version to restore"),
), responses(
    (status = 200, body = Post),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 403, description = "`forbidden`: the role is below `operator`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post (`resource: post`) or version (`resource: post_version`)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`version_conflict`: saved by someone else at the same moment", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/versions/{version}/restore")]
pub async fn restore_version(
    state: web::Data<AppState>,
    op: Acting,
    path: web::Path<(i64, i32)>,
) -> Result<web::Json<Post>, ApiError> {
    let (id, version) = path.into_inner();
    let post = versions::restore(&state.app, &op, id, version).await?;
    tracing::info!(post_id = id, restored = version, operator = %op.name, "version restored");
    Ok(web::Json(post.into()))
}
