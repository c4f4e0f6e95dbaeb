use crate::auth::Operator;
use crate::dto::account::{Account, AccountInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_persistence::accounts;

/// Adds an account.
#[utoipa::path(tag = "accounts", security(("bearer" = [])), request_body = AccountInput, responses(
    (status = 201, body = Account),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/accounts")]
pub async fn create_account(
    state: web::Data<AppState>,
    _op: Operator,
    body: Json<AccountInput>,
) -> Result<HttpResponse, ApiError> {
    let fields = body.0.parse()?;
    let row = accounts::create(&state.db, &fields).await?;
    Ok(HttpResponse::Created().json(Account::from(row)))
}
