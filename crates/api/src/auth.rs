//! Operator authentication: argon2 password hashes and opaque bearer tokens
//! stored only as their SHA-256.
use crate::{ApiError, AppState};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::Payload;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpRequest};
use actix_web::{HttpMessage, ResponseError};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use std::future::{ready, Ready};
use xhs_persistence::sessions;

/// Hashes a password with argon2id (default parameters) off the async threads.
pub async fn hash_password(password: SecretString) -> Result<String, ApiError> {
    web::block(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.expose_secret().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| ApiError::internal(format!("hashing failed: {e}")))
    })
    .await
    .map_err(ApiError::internal)?
}

/// Checks a password against a stored hash. With no stored hash (unknown user)
/// it still does the work, so timing does not tell which usernames exist.
pub async fn verify_password(
    password: SecretString,
    stored: Option<String>,
) -> Result<bool, ApiError> {
    web::block(move || {
        let fallback = dummy_hash();
        let stored_ref = stored.as_deref().unwrap_or(&fallback);
        let parsed = PasswordHash::new(stored_ref)
            .map_err(|e| ApiError::internal(format!("bad stored hash: {e}")))?;
        let ok = Argon2::default()
            .verify_password(password.expose_secret().as_bytes(), &parsed)
            .is_ok();
        Ok(ok && stored.is_some())
    })
    .await
    .map_err(ApiError::internal)?
}

fn dummy_hash() -> String {
    // A fixed, valid argon2id hash of a random string nobody knows.
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$qIEsXnQ3tvsJk4oBCjEXhmOoV5O2kFSWXcAsvbbLvPg".to_owned()
}

/// A new random session token (256 bits, hex) and its hash for storage.
pub fn new_session_token() -> (SecretString, String) {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = token_hash(&token);
    (SecretString::from(token), hash)
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The operator behind a request's valid bearer token; 401 otherwise.
#[derive(Debug, Clone)]
pub struct Operator {
    pub username: String,
    pub token_hash: String,
    pub expires_at: chrono::NaiveDateTime,
}

fn bearer(req: &ServiceRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty())
        .then(|| token.trim().to_owned())
}

/// Paths anyone may call. Everything else under `/api/` needs an operator:
/// deny by default, so a new endpoint is protected without anyone remembering.
fn is_public(path: &str) -> bool {
    !path.starts_with("/api/") || path == "/api/auth/login" || path.starts_with("/api/share/")
}

async fn authenticate(req: &ServiceRequest) -> Result<Operator, ApiError> {
    let token = bearer(req).ok_or(ApiError::Unauthorized)?;
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::internal("app state missing"))?;
    let hash = token_hash(&token);
    let (session, operator) = sessions::find_live(&state.db, &hash)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    Ok(Operator {
        username: operator.username,
        token_hash: hash,
        expires_at: session.expires_at,
    })
}

/// Middleware: resolves the bearer token before any handler (or its body
/// extractor) runs, and answers 401 problem+json when it is missing or dead.
pub async fn require_operator(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if is_public(req.path()) || req.method() == actix_web::http::Method::OPTIONS {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    match authenticate(&req).await {
        Ok(op) => {
            req.extensions_mut().insert(op);
            next.call(req)
                .await
                .map(ServiceResponse::map_into_left_body)
        }
        Err(e) => Ok(req.into_response(e.error_response()).map_into_right_body()),
    }
}

impl FromRequest for Operator {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<Operator>()
                .cloned()
                .ok_or(ApiError::Unauthorized),
        )
    }
}
