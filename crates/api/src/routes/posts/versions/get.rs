use crate::auth::Operator;
use crate::dto::version::PostVersion;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::versions;

/// One saved version of a note, with its content as it was.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), params(
    ("id" = i64, Path, description = "post id"),
    ("version" = i32, Path, description = "version number"),
), responses(
    (status = 200, body = PostVersion),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post (`resource: post`) or version (`resource: post_version`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/versions/{version}")]
pub async fn get_version(
    state: web::Data<AppState>,
    _op: Operator,
    path: web::Path<(i64, i32)>,
) -> Result<web::Json<PostVersion>, ApiError> {
    let (id, version) = path.into_inner();
    Ok(web::Json(
        versions::get(&state.app, id, version).await?.into(),
    ))
}
