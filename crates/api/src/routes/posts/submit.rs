use crate::auth::Acting;
use crate::dto::post::Post;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::notes::review;

/// Submits a draft for review: `draft` -> `in_review`.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = Post),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 403, description = "`forbidden`: the role is below `operator`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`invalid_review_state`: the note is not a draft; `review_status` says where it is", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/submit")]
pub async fn submit_post(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<web::Json<Post>, ApiError> {
    let post = review::submit(&state.app, &op, id.into_inner()).await?;
    tracing::info!(post_id = post.id, operator = %op.name, "post submitted for review");
    Ok(web::Json(post.into()))
}
