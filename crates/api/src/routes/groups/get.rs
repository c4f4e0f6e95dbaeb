use crate::auth::Operator;
use crate::dto::group::GroupDetail;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::groups;

/// One group with its accounts' ids.
#[utoipa::path(tag = "groups", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "group id")), responses(
    (status = 200, body = GroupDetail),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/groups/{id}")]
pub async fn get_group(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<GroupDetail>, ApiError> {
    Ok(web::Json(
        groups::get(&state.app, id.into_inner()).await?.into(),
    ))
}
