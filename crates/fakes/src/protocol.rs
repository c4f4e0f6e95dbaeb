//! The XHS token protocol as the fake understands it, independent of `xhs-signing`.

use std::time::{SystemTime, UNIX_EPOCH};

use rand::distributions::Alphanumeric;
use rand::Rng;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::ExpiresIn;

/// XHS's `msg` for a wrong appKey or signature.
pub const SIGNATURE_ERROR_MSG: &str = "签名校验失败，非法参数-signature";

/// `lowercase_hex(SHA-256("appKey=K&nonce=N&timeStamp=T" + secret))`, written
/// from the protocol description, not shared with the signer under test.
pub(crate) fn xhs_signature(app_key: &str, nonce: &str, timestamp: &str, secret: &str) -> String {
    let text = format!("appKey={app_key}&nonce={nonce}&timeStamp={timestamp}{secret}");
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The fields of a token request, once present and well typed.
pub(crate) struct TokenRequest {
    pub(crate) app_key: String,
    pub(crate) nonce: String,
    pub(crate) timestamp: String,
    pub(crate) signature: String,
}

/// Reads a token request body; `Err` carries the `msg` to answer with.
pub(crate) fn parse_request(body: &[u8]) -> Result<TokenRequest, String> {
    let value: Value =
        serde_json::from_slice(body).map_err(|_| "请求体不是合法 JSON (body is not JSON)")?;
    let text = |field: &str| -> Result<String, String> {
        match value.get(field) {
            Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
            // Integrators disagree on string vs number for the timestamp: take both.
            Some(Value::Number(n)) if field == "timestamp" => Ok(n.to_string()),
            _ => Err(format!("缺少参数-{field} (missing or invalid {field})")),
        }
    };
    Ok(TokenRequest {
        app_key: text("app_key")?,
        nonce: text("nonce")?,
        timestamp: text("timestamp")?,
        signature: text("signature")?,
    })
}

/// `success: false` with `msg`.
pub(crate) fn failure(msg: &str) -> Value {
    json!({"success": false, "code": -1, "msg": msg, "data": null})
}

/// `success: true` without `data.access_token`.
pub(crate) fn no_token() -> Value {
    json!({"success": true, "code": 0, "msg": "成功", "data": {}})
}

/// `success: true` with `token`, expiring `lifetime_secs` from now.
pub(crate) fn issued(token: &str, lifetime_secs: i64, expires: ExpiresIn) -> Value {
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
    let expires_in = match expires {
        ExpiresIn::EpochMillis => now_ms + lifetime_secs * 1000,
        ExpiresIn::EpochSeconds => now_ms / 1000 + lifetime_secs,
        ExpiresIn::SecondsFromNow => lifetime_secs,
    };
    json!({
        "success": true,
        "code": 0,
        "msg": "成功",
        "data": {"access_token": token, "expires_in": expires_in},
    })
}

/// A new random token, distinct from every earlier one.
pub(crate) fn new_token() -> String {
    let random: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(32)
        .map(char::from)
        .collect();
    format!("fake-token-{random}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn signature_matches_the_pinned_vector() {
        assert_eq!(
            xhs_signature(
                "red.demoAppKey",
                "a1b2c3d4e5f6",
                "1732233600000",
                "demoSecret"
            ),
            "675c44d51208115128c9e0a2084d1cb129db670b555c2071042132b74ea46cb7"
        );
    }

    #[test]
    fn timestamp_is_accepted_as_string_or_number() {
        let as_string =
            br#"{"app_key":"k","nonce":"n","timestamp":"1732233600000","signature":"s"}"#;
        let as_number = br#"{"app_key":"k","nonce":"n","timestamp":1732233600000,"signature":"s"}"#;
        assert_eq!(parse_request(as_string).unwrap().timestamp, "1732233600000");
        assert_eq!(parse_request(as_number).unwrap().timestamp, "1732233600000");
    }

    #[test]
    fn missing_field_is_named_in_the_message() {
        let msg = parse_request(br#"{"app_key":"k","nonce":"n","timestamp":"1"}"#)
            .err()
            .unwrap();
        assert!(msg.contains("signature"), "{msg}");
    }

    #[test]
    fn non_json_body_is_refused() {
        assert!(parse_request(b"app_key=k").is_err());
    }
}
