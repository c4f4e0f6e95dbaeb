use crate::auth::Acting;
use crate::dto::post::Post;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::notes::duplicate;

/// 复制笔记: copies a note, with its variants, as a new draft (version 1,
/// noted `copied from note {id}`). Links, reviews and statistics stay with
/// the original.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "the note to copy")), responses(
    (status = 201, body = Post),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/duplicate")]
pub async fn duplicate_post(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let copy = duplicate::duplicate(&state.app, &op, id.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/posts/{}", copy.id),
        ))
        .json(Post::from(copy)))
}
