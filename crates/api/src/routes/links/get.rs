use crate::auth::Operator;
use crate::dto::link::Link;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::links::manage as links;

/// One link (any status), for its statistics page.
///
/// Keeps answering for a revoked or expired link, for a deleted account's
/// link and after the link's post is deleted (its share page then answers
/// 410 `post_deleted`); 404 only for an id that never existed.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "link id")), responses(
    (status = 200, body = Link),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/links/{id}")]
pub async fn get_link(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Link>, ApiError> {
    let (link, _) = links::get(&state.app, id.into_inner()).await?;
    Ok(web::Json(link.into()))
}
