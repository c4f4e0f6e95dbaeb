use crate::auth::Acting;
use crate::dto::group::{GroupDetail, GroupInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::groups;

/// Renames a group.
#[utoipa::path(tag = "groups", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "group id")), request_body = GroupInput, responses(
    (status = 200, body = GroupDetail),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/groups/{id}")]
pub async fn update_group(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<GroupInput>,
) -> Result<web::Json<GroupDetail>, ApiError> {
    let group = groups::rename(&state.app, &op, id.into_inner(), &body.0.name).await?;
    Ok(web::Json(group.into()))
}
