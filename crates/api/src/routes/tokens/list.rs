use crate::auth::Operator;
use crate::dto::token::{ApiToken, TokenList};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::team::api_tokens;

/// Every API token, newest first, with when it was last used; never a secret.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), responses(
    (status = 200, body = TokenList),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/tokens")]
pub async fn list_tokens(
    state: web::Data<AppState>,
    _op: Operator,
) -> Result<web::Json<TokenList>, ApiError> {
    let rows = api_tokens::list(&state.app).await?;
    Ok(web::Json(TokenList {
        items: rows.into_iter().map(ApiToken::from).collect(),
    }))
}
