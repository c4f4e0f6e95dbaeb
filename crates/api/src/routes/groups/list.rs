use crate::auth::Operator;
use crate::dto::group::Group;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::groups;

/// Every group, by name, with its number of accounts.
#[utoipa::path(tag = "groups", security(("bearer" = ["viewer"])), responses(
    (status = 200, body = Vec<Group>),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/groups")]
pub async fn list_groups(
    state: web::Data<AppState>,
    _op: Operator,
) -> Result<web::Json<Vec<Group>>, ApiError> {
    let rows = groups::list(&state.app).await?;
    Ok(web::Json(rows.into_iter().map(Group::from).collect()))
}
