//! The last word on error bodies: an error answer that is not yet
//! problem+json (actix's own: a 404 of its router, a 413 of a multipart
//! stream, a CORS refusal, a 416 of a file range) becomes one, with the same
//! status and headers.
use crate::error::{ErrorCode, Problem};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::HttpResponse;

pub fn handlers<B: 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(to_problem)
}

fn is_problem(res: &HttpResponse<impl Sized>) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|ct| ct.as_bytes().starts_with(b"application/problem+json"))
}

/// The code of a status actix answered by itself.
fn code_of(status: StatusCode) -> ErrorCode {
    match status.as_u16() {
        401 => ErrorCode::Unauthorized,
        404 => ErrorCode::NotFound,
        405 => ErrorCode::MethodNotAllowed,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        429 => ErrorCode::RateLimited,
        503 => ErrorCode::DatabaseUnavailable,
        s if s >= 500 => ErrorCode::Internal,
        _ => ErrorCode::BadRequest,
    }
}

fn to_problem<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if is_problem(res.response()) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let reason = status.canonical_reason().unwrap_or("Error");
    let detail = match res.response().error() {
        // A 4xx cause is the client's own input; a 5xx cause stays in the log.
        Some(e) if status.is_client_error() => e.to_string(),
        Some(e) => {
            tracing::error!(cause = %e, "request failed");
            reason.to_owned()
        }
        None => reason.to_owned(),
    };
    let problem = Problem {
        problem_type: "about:blank",
        title: reason.to_owned(),
        status: status.as_u16(),
        code: code_of(status),
        detail,
        // Actix's own answers: only a rate limit, a timeout or a server
        // fault may pass by waiting.
        retryable: matches!(status.as_u16(), 408 | 429)
            || (status.is_server_error() && status != StatusCode::NOT_IMPLEMENTED),
        errors: None,
        resource: None,
        current_version: None,
        platform: None,
        review_status: None,
        required_role: None,
        opens_at: None,
        shortfalls: None,
        campaign_status: None,
    };
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.append_header((name.clone(), value.clone()));
        }
    }
    new.content_type("application/problem+json");
    let res = ServiceResponse::new(req, new.json(problem)).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(res))
}
