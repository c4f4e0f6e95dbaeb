//! Extractors whose failures are problem+json naming the field, not actix's
//! plain-text defaults.
use crate::ApiError;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

/// Largest JSON body any endpoint takes (a post is at most a few KB).
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// Largest body the public share endpoints take.
pub const SMALL_JSON_BYTES: usize = 4 * 1024;

/// A JSON body; a malformed body or a wrong type is a 400 that names the path
/// of the offending field (`image_urls[2]`, `version`).
pub struct Json<T, const LIMIT: usize = MAX_JSON_BYTES>(pub T);

/// A JSON body of at most [`SMALL_JSON_BYTES`] (public endpoints).
pub type SmallJson<T> = Json<T, SMALL_JSON_BYTES>;

impl<T: DeserializeOwned + 'static, const LIMIT: usize> FromRequest for Json<T, LIMIT> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|ct| ct.starts_with("application/json") || ct.contains("+json"))
            .unwrap_or(false);
        let declared = req
            .headers()
            .get(actix_web::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            if declared.is_some_and(|n| n > LIMIT) {
                return Err(ApiError::PayloadTooLarge(LIMIT));
            }
            if !is_json {
                return Err(ApiError::bad_request(
                    "body",
                    "send the body as JSON (Content-Type: application/json)",
                ));
            }
            let bytes =
                body.await
                    .map_err(|e| match e.as_error::<actix_web::error::PayloadError>() {
                        Some(actix_web::error::PayloadError::Overflow) => {
                            ApiError::PayloadTooLarge(MAX_JSON_BYTES)
                        }
                        _ => ApiError::bad_request("body", format!("cannot read the body: {e}")),
                    })?;
            let de = &mut serde_json::Deserializer::from_slice(&bytes);
            serde_path_to_error::deserialize(de)
                .map(|v| Json(v))
                .map_err(|e| {
                    let path = e.path().to_string();
                    let field = if path == "." { "body".to_owned() } else { path };
                    ApiError::bad_request(field, e.inner().to_string())
                })
        })
    }
}

/// Path and query failures (a non-numeric id, `limit=abc`) as 400 problem+json.
pub fn path_error(err: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request("path", format!("malformed path parameter: {err}")).into()
}

pub fn query_error(err: actix_web::error::QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request("query", format!("malformed query: {err}")).into()
}
