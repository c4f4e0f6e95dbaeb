use crate::auth::{new_session_token, verify_password};
use crate::dto::auth::{LoginRequest, LoginResponse};
use crate::extract::Json;
use crate::ratelimit::ShareLimits;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};
use xhs_persistence::{now_utc, operators, sessions};

/// Logs an operator in and returns a bearer token.
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, body = LoginResponse),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, description = "wrong username or password", body = crate::Problem, content_type = "application/problem+json"),
    (status = 429, description = "too many attempts from this address; see Retry-After", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    limits: web::Data<ShareLimits>,
    http: HttpRequest,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    limits.check_login(&http)?;
    let req = body.0;
    let operator = operators::find_by_username(&state.db, req.username.trim()).await?;
    let stored = operator.as_ref().map(|o| o.password_hash.clone());
    if !verify_password(SecretString::from(req.password), stored).await? {
        tracing::info!(username = %req.username, "login refused");
        return Err(ApiError::InvalidCredentials);
    }
    let operator = operator.ok_or(ApiError::InvalidCredentials)?;
    sessions::purge_expired(&state.db).await?;
    let (token, hash) = new_session_token();
    let expires_at = now_utc() + state.settings.session_ttl;
    sessions::create(&state.db, operator.id, &hash, expires_at).await?;
    tracing::info!(username = %operator.username, "operator logged in");
    Ok(HttpResponse::Ok().json(LoginResponse {
        token: token.expose_secret().to_owned(),
        expires_at: crate::dto::post::utc(expires_at),
    }))
}
