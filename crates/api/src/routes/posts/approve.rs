use crate::auth::Acting;
use crate::dto::post::Post;
use crate::dto::review::ReviewInput;
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::notes::review;

/// Approves a note in review: `in_review` -> `approved`. With approval on,
/// only approved notes get links, dispatches and served share pages.
#[utoipa::path(tag = "posts", security(("bearer" = ["reviewer"])), params(("id" = i64, Path, description = "post id")), request_body = ReviewInput, responses(
    (status = 200, body = Post),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 403, description = "`forbidden`: the role is below `reviewer`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`invalid_review_state`: the note is not in review; `review_status` says where it is", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "the comment is over 500 characters", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/approve")]
pub async fn approve_post(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<ReviewInput>,
) -> Result<web::Json<Post>, ApiError> {
    let comment = body.0.comment.as_deref();
    let post = review::approve(&state.app, &op, id.into_inner(), comment).await?;
    tracing::info!(post_id = post.id, operator = %op.name, "post approved");
    Ok(web::Json(post.into()))
}
