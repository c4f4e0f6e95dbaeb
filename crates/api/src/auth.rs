//! Operator authentication and roles: who is behind a request's bearer token
//! (a session or an API token; `xhs_app::team::auth` has both) and whether their
//! role includes the one the document states for the operation
//! ([`crate::route_table`]).
use crate::route_table::{Access, RouteTable};
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
    let routed = req.match_info().as_str();
    let access = req
        .app_data::<web::Data<RouteTable>>()
        .map_or(Some(Access::Least(Role::Admin)), |t| {
            t.access(req.method().as_str(), routed)
        });
    let required = match access {
        Some(Access::Public) => None,
        _ if req.method() == actix_web::http::Method::OPTIONS => None,
        Some(Access::Least(r)) => Some(Some(r)),
        // A documented path with another method: a 405 follows.
        None => Some(None),
    };
    let Some(required) = required else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    };
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

/// The caller of a write, as the use cases record it in the audit log: the
/// operator behind the token and the client's address.
#[derive(Debug, Clone)]
pub struct Acting(pub xhs_app::Actor);

impl std::ops::Deref for Acting {
    type Target = xhs_app::Actor;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// The client's address as the trusted proxies tell it (None in setups
/// without the limits, such as unit tests of a handler).
pub(crate) fn client_ip(req: &HttpRequest) -> Option<String> {
    req.app_data::<web::Data<crate::ratelimit::ShareLimits>>()
        .map(|l| l.client(req))
}

impl FromRequest for Acting {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let op = req.extensions().get::<Operator>().cloned();
        ready(op.ok_or(ApiError::Unauthorized).map(|op| {
            Acting(xhs_app::Actor {
                name: op.username.clone(),
                kind: op.kind,
                client_ip: client_ip(req),
            })
        }))
    }
}
