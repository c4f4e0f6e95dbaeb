use crate::auth::Operator;
use crate::dto::account::Account;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::accounts;

/// One live account.
///
/// A deleted account answers 404 (its statistics stay readable at
/// `GET /api/accounts/{id}/stats`).
#[utoipa::path(tag = "accounts", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "account id")), responses(
    (status = 200, body = Account),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/accounts/{id}")]
pub async fn get_account(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Account>, ApiError> {
    let account = accounts::get(&state.app, id.into_inner()).await?;
    let groups = xhs_app::groups::groups_of(&state.app, account.id).await?;
    Ok(web::Json(Account::from(account).with_groups(groups)))
}
