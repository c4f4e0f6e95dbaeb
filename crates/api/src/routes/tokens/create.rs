use crate::auth::Acting;
use crate::dto::token::{TokenCreated, TokenInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{http::header, post, web, HttpResponse};
use secrecy::ExposeSecret;
use xhs_app::team::api_tokens;

/// Creates an API token for an integrator; its secret is answered once.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), request_body = TokenInput, responses(
    (status = 201, body = TokenCreated),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a bad name, role or expiry; every failing field is listed", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/tokens")]
pub async fn create_token(
    state: web::Data<AppState>,
    op: Acting,
    body: Json<TokenInput>,
) -> Result<HttpResponse, ApiError> {
    let input = api_tokens::TokenInput {
        name: body.0.name,
        role: body.0.role,
        expires_at: body.0.expires_at,
    };
    let created = api_tokens::create(&state.app, &op, &input).await?;
    let token = created.token;
    tracing::info!(token_id = token.id, role = %token.role, operator = %op.name, "API token created");
    let res = HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(TokenCreated {
            token: token.into(),
            secret: created.secret.expose_secret().to_owned(),
        });
    Ok(res)
}
