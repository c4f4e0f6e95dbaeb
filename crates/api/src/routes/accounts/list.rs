use crate::auth::Operator;
use crate::dto::account::{Account, AccountQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::accounts;

/// Every live account, optionally of one kind.
#[utoipa::path(tag = "accounts", security(("bearer" = ["viewer"])), params(AccountQuery), responses(
    (status = 200, body = Vec<Account>),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/accounts")]
pub async fn list_accounts(
    state: web::Data<AppState>,
    _op: Operator,
    q: web::Query<AccountQuery>,
) -> Result<web::Json<Vec<Account>>, ApiError> {
    let rows = accounts::list(&state.app, q.kind.as_deref()).await?;
    Ok(web::Json(rows.into_iter().map(Account::from).collect()))
}
