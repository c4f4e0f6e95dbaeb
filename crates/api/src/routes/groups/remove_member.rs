use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::groups;

/// Takes an account out of a group (the account stays).
///
/// 204 also when it was not in it.
#[utoipa::path(tag = "groups", security(("bearer" = ["operator"])), params(
    ("id" = i64, Path, description = "group id"),
    ("account_id" = i64, Path, description = "account id"),
), responses(
    (status = 204, description = "not a member (any more)"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/groups/{id}/members/{account_id}")]
pub async fn remove_group_member(
    state: web::Data<AppState>,
    op: Acting,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, account_id) = path.into_inner();
    groups::remove_member(&state.app, &op, id, account_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
