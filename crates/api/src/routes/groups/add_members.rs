use crate::auth::Acting;
use crate::dto::group::{GroupDetail, MembersInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::groups;

/// Adds accounts to a group, all or none.
///
/// Adding an account already in it changes nothing; an unknown or deleted
/// account is a 422 naming `account_ids[i]`.
#[utoipa::path(tag = "groups", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "group id")), request_body = MembersInput, responses(
    (status = 200, body = GroupDetail),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/groups/{id}/members")]
pub async fn add_group_members(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<MembersInput>,
) -> Result<web::Json<GroupDetail>, ApiError> {
    let group = groups::add_members(&state.app, &op, id.into_inner(), &body.0.account_ids).await?;
    Ok(web::Json(group.into()))
}
