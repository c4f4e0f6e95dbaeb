use crate::auth::Acting;
use crate::dto::account::{Account, AccountInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::accounts;

/// Adds an account.
#[utoipa::path(tag = "accounts", security(("bearer" = ["operator"])), request_body = AccountInput, responses(
    (status = 201, body = Account),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/accounts")]
pub async fn create_account(
    state: web::Data<AppState>,
    op: Acting,
    body: Json<AccountInput>,
) -> Result<HttpResponse, ApiError> {
    let account = accounts::create(&state.app, &op, &body.0.into()).await?;
    let id = account.id;
    let res = HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/accounts/{id}"),
        ))
        .json(Account::from(account));
    Ok(res)
}
