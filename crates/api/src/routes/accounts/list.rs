use crate::auth::Operator;
use crate::dto::account::{Account, AccountQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_persistence::accounts;

/// Every live account, optionally of one kind.
#[utoipa::path(tag = "accounts", security(("bearer" = [])), params(AccountQuery), responses(
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
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(
            xhs_domain::parse_account_kind(k).map_err(|e| xhs_domain::ValidationErrors(vec![e]))?,
        ),
        None => None,
    };
    let rows = accounts::list_live(&state.db, kind).await?;
    Ok(web::Json(rows.into_iter().map(Account::from).collect()))
}
