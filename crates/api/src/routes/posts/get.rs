use crate::auth::Operator;
use crate::dto::post::Post;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::posts;

/// One live post.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = Post),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post, or deleted", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}")]
pub async fn get_post(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Post>, ApiError> {
    Ok(web::Json(
        posts::get(&state.app, id.into_inner()).await?.into(),
    ))
}
