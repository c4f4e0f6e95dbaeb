//! Operator authentication and roles: who is behind a request's bearer token
//! (a session or an API token; `xhs_app::team::auth` has both) and whether their
//! role includes the one the document states for the operation
//! ([`crate::access`]).
use crate::access::Operations;
use crate::{ApiError, AppState};
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::Payload;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpRequest};
use actix_web::{HttpMessage, ResponseError};
use std::future::{ready, Ready};
use xhs_domain::Role;

/// The operator behind a request's valid bearer token; 401 otherwise.
#[derive(Debug, Clone)]
pub struct Operator(pub xhs_app::team::auth::Session);

impl std::ops::Deref for Operator {
    type Target = xhs_app::team::auth::Session;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
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
pub(crate) fn is_public(path: &str) -> bool {
    !path.starts_with("/api/")
        || path == "/api/auth/login"
        || path.starts_with("/api/share/")
        // The provider's calls carry the Merchant-Token instead (checked there).
        || path == "/api/robots/callback"
        || path == "/api/robots/events"
}

async fn authenticate(req: &ServiceRequest) -> Result<Operator, ApiError> {
    let token = bearer(req).ok_or(ApiError::Unauthorized)?;
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::internal("app state missing"))?;
    Ok(Operator(
        xhs_app::team::auth::session(&state.app, &token).await?,
    ))
}

/// Middleware: resolves the bearer token before any handler (or its body
/// extractor) runs, and answers 401 problem+json when it is missing or dead,
/// 403 `forbidden` naming the role when the caller's is below the
/// operation's.
pub async fn require_operator(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    // The path as the router reads it (percent-decoded: `/%61pi/…` is `/api/…`).
    let routed = req.match_info().as_str().to_owned();
    if is_public(&routed) || req.method() == actix_web::http::Method::OPTIONS {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let required = req
        .app_data::<web::Data<Operations>>()
        .map_or(Some(Role::Admin), |ops| {
            ops.required_role(req.method().as_str(), &routed)
        });
    match authenticate(&req).await.and_then(|op| match required {
        Some(r) if !op.role.includes(r) => Err(ApiError::Forbidden(r)),
        _ => Ok(op),
    }) {
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
