//! Extractors whose failures are problem+json naming the field, not actix's
//! plain-text defaults.
use crate::ApiError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;
use xhs_domain::ValidationErrors;

/// Largest JSON body any endpoint takes (a post is at most a few KB).
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// Largest body the public share endpoints take.
pub const SMALL_JSON_BYTES: usize = 4 * 1024;

/// A JSON body; a malformed body or a wrong type is a 400 that names the path
/// of the offending field (`image_urls[2]`, `version`); text holding a control
/// character is a 422 naming it. At most `LIMIT` bytes however the body is
/// sent (a declared length, or chunks counted as they arrive).
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
        let mut payload = payload.take();
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
            let mut bytes = Vec::with_capacity(declared.unwrap_or(1024).min(LIMIT));
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|e| {
                    ApiError::bad_request("body", format!("cannot read the body: {e}"))
                })?;
                if bytes.len() + chunk.len() > LIMIT {
                    return Err(ApiError::PayloadTooLarge(LIMIT));
                }
                bytes.extend_from_slice(&chunk);
            }
            parse(&bytes).map(Json)
        })
    }
}

/// JSON text to `T`: first as a value (syntax), then every string checked
/// for control characters, then the typed shape.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut value: Value =
        serde_json::from_slice(bytes).map_err(|e| ApiError::bad_request("body", e.to_string()))?;
    integral_numbers(&mut value);
    let mut errs = ValidationErrors::default();
    control_characters(&value, &mut String::new(), &mut errs);
    if !errs.is_empty() {
        return Err(ApiError::Validation(errs));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { "body".to_owned() } else { path };
        ApiError::bad_request(field, e.inner().to_string())
    })
}

/// `1.0` is the integer 1, as JSON Schema counts it (serde would refuse it
/// for an integer field).
fn integral_numbers(v: &mut Value) {
    match v {
        Value::Number(n) if n.is_f64() => {
            // 2^63: every integral f64 below it in magnitude is exactly an i64
            // (above 2^53 every f64 is integral, and still exact).
            const I64_BOUND: f64 = 9_223_372_036_854_775_808.0;
            if let Some(f) = n
                .as_f64()
                .filter(|f| f.fract() == 0.0 && (-I64_BOUND..I64_BOUND).contains(f))
            {
                *v = Value::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers),
        Value::Object(map) => map.values_mut().for_each(integral_numbers),
        _ => {}
    }
}

/// Records every string of `v` that holds a control character,
/// named by its path as serde_path_to_error names fields (`image_urls[2]`).
fn control_characters(v: &Value, path: &mut String, errs: &mut ValidationErrors) {
    let here = |p: &str| {
        if p.is_empty() {
            "body".to_owned()
        } else {
            p.to_owned()
        }
    };
    match v {
        Value::String(s) => {
            errs.take(xhs_domain::check_text(&here(path), s));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                control_characters(item, path, errs);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                // Keys are not checked: unknown ones are ignored, known ones are plain.
                control_characters(item, path, errs);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Path and query failures (a non-numeric id, `limit=abc`) as 400 problem+json.
pub fn path_error(err: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request("path", format!("malformed path parameter: {err}")).into()
}

pub fn query_error(err: actix_web::error::QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request("query", format!("malformed query: {err}")).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integral_floats_are_integers_and_other_numbers_stay() {
        let mut v = serde_json::json!({"version": 3.0, "ratio": 0.5, "ids": [1.0, 2, -9007199254740991.0, -2152280036288581.0, 1e18, 1e19]});
        integral_numbers(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"version": 3, "ratio": 0.5, "ids": [1, 2, -9007199254740991_i64, -2152280036288581_i64, 1_000_000_000_000_000_000_i64, 1e19]})
        );
    }

    #[test]
    fn control_characters_are_named_by_their_path() {
        let v = serde_json::json!({"title": "a\u{0}", "image_urls": ["ok", "b\u{1}"], "content": "第一行\n第二行"});
        let mut errs = ValidationErrors::default();
        control_characters(&v, &mut String::new(), &mut errs);
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["image_urls[1]", "title"]);
        assert!(errs
            .0
            .iter()
            .all(|e| e.rule == xhs_domain::Rule::ControlCharacter));
    }
}
