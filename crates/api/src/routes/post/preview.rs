use crate::auth::Operator;
use crate::dto::publish::PostPreview;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::posts;

/// The post for a preview page, in the article's camelCase shape.
#[utoipa::path(tag = "publish", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = PostPreview),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/post/preview/{id}")]
pub async fn preview(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<PostPreview>, ApiError> {
    let post = posts::get(&state.app, id.into_inner()).await?;
    Ok(web::Json(post.into()))
}
