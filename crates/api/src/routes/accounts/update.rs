use crate::auth::Acting;
use crate::dto::account::{Account, AccountInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::accounts;

/// Replaces an account's fields.
///
/// A deleted account answers 404.
#[utoipa::path(tag = "accounts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "account id")), request_body = AccountInput, responses(
    (status = 200, body = Account),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/accounts/{id}")]
pub async fn update_account(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<AccountInput>,
) -> Result<web::Json<Account>, ApiError> {
    let account = accounts::update(&state.app, &op, id.into_inner(), &body.0.into()).await?;
    let groups = xhs_app::groups::groups_of(&state.app, account.id).await?;
    Ok(web::Json(Account::from(account).with_groups(groups)))
}
