use crate::auth::Operator;
use crate::dto::link::Link;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::links::manage as links;

/// Every link of a post, newest first, revoked and expired ones included, with
/// each link's totals.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = Vec<Link>),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/links")]
pub async fn list_links(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<Link>>, ApiError> {
    let rows = links::list(&state.app, id.into_inner()).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|(l, totals)| Link {
                totals: Some(totals),
                ..Link::from(l)
            })
            .collect(),
    ))
}
