use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::groups;

/// Deletes a group; its accounts stay, in their other groups too.
///
/// For good: afterwards every `/api/groups/{id}` operation answers 404.
#[utoipa::path(tag = "groups", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "group id")), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/groups/{id}")]
pub async fn delete_group(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    groups::delete(&state.app, &op, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
