use crate::auth::Operator;
use crate::dto::version::{PostVersionList, PostVersionSummary};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::versions;

/// Every saved version of a note, newest first, with who saved it and when.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = PostVersionList),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post, or deleted", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/versions")]
pub async fn list_versions(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<PostVersionList>, ApiError> {
    let items = versions::list(&state.app, id.into_inner()).await?;
    Ok(web::Json(PostVersionList {
        items: items.into_iter().map(PostVersionSummary::from).collect(),
    }))
}
