use crate::auth::Operator;
use crate::dto::account::{Account, AccountQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::groups;

/// Every live account (optionally of one kind or group, or matching a name), with its groups.
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
    let q = q.into_inner();
    let query = groups::AccountListQuery {
        kind: q.kind,
        group_id: q.group_id,
        q: q.q,
    };
    let rows = groups::list_accounts(&state.app, &query).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|(a, g)| Account::from(a).with_groups(g))
            .collect(),
    ))
}
