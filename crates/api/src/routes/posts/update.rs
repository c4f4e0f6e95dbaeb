use crate::auth::Acting;
use crate::dto::post::{Post, PostUpdate};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::notes::posts;

/// Replaces a post. The body carries the version the edit started from; if
/// someone saved in between, nothing is written and 409 tells the current version.
/// The new state is kept as a version; an approved note goes back to `draft`.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), request_body = PostUpdate, responses(
    (status = 200, body = Post),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "stale version; `current_version` says the stored one", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/posts/{id}")]
pub async fn update_post(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<PostUpdate>,
) -> Result<web::Json<Post>, ApiError> {
    let id = id.into_inner();
    let post = posts::update(&state.app, &op, id, body.0.version, &body.0.post.raw()).await?;
    tracing::info!(post_id = id, version = post.version, operator = %op.name, "post updated");
    Ok(web::Json(post.into()))
}
