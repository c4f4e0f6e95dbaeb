use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{delete, web, HttpResponse};
use xhs_app::accounts;

/// Removes an account from the lists; its links and records keep working.
///
/// Afterwards `GET`, `PUT` and `DELETE` on it answer 404, new links and group
/// memberships naming it are refused (422), and its statistics
/// (`GET /api/accounts/{id}/stats`), its existing links' share pages and its
/// publish records keep answering.
#[utoipa::path(tag = "accounts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "account id")), responses(
    (status = 204, description = "deleted"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[delete("/api/accounts/{id}")]
pub async fn delete_account(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    accounts::delete(&state.app, &op, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
