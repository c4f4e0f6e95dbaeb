//! What happens around routing: HEAD answered by GET handlers, query strings
//! checked for control characters before any handler reads them, and a
//! request that matched no route told apart: 405 with `Allow` when its path
//! exists with other methods, 404 (or the SPA page) otherwise.
use crate::ApiError;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::ResponseError;
use xhs_domain::ValidationErrors;

/// One path template of the document, split into segments.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Segment {
    Literal(String),
    /// `{id}`: any one segment.
    Param,
    /// `{key}` of `/media/{key:.*}`: the rest of the path (the document
    /// cannot say so, the route's pattern does).
    Rest,
}

/// A documented path split into its segments.
pub(crate) fn template(path: &str) -> Vec<Segment> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    parts
        .iter()
        .enumerate()
        .map(|(i, s)| match s.starts_with('{') {
            true if path.starts_with("/media/") && i + 1 == parts.len() => Segment::Rest,
            true => Segment::Param,
            false => Segment::Literal((*s).to_owned()),
        })
        .collect()
}

/// Whether a request path's segments fit a template.
pub(crate) fn matches(segments: &[Segment], parts: &[&str]) -> bool {
    match (segments.split_first(), parts.split_first()) {
        (None, None) => true,
        (Some((Segment::Rest, _)), Some(_)) => parts.iter().all(|p| !p.is_empty()),
        (Some((Segment::Param, rest)), Some((p, more))) => !p.is_empty() && matches(rest, more),
        (Some((Segment::Literal(l), rest)), Some((p, more))) => l == p && matches(rest, more),
        _ => false,
    }
}

/// Middleware: HEAD runs the GET handler (the server drops the body and
/// keeps the headers). `/media/` has its own HEAD route.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == Method::HEAD && !req.path().starts_with("/media/") {
        req.head_mut().method = Method::GET;
    }
    next.call(req).await
}

/// Middleware: a query parameter holding a control character is a 422
/// naming it, whatever the handler would do with it (PostgreSQL refuses NUL).
pub async fn reject_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let mut errs = ValidationErrors::default();
    for (k, v) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        errs.take(xhs_domain::check_text(&k, &k).and(xhs_domain::check_text(&k, &v)));
    }
    if errs.is_empty() {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let res = ApiError::Validation(errs).error_response();
    Ok(req.into_response(res).map_into_right_body())
}
