//! XHS's step A over HTTP: trade a signature made with the appSecret for an access token.

use chrono::Utc;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::config::XhsConfig;
use crate::error::SigningError;
use crate::http::{endpoint, transport};
use crate::sign::{new_nonce, sign, timestamp_millis};
use crate::token::{expires_at_from, AccessToken};

/// The token endpoint, relative to `XhsConfig::api_base`.
pub(crate) const TOKEN_PATH: &str = "/api/sns/v1/ext/access/token";

/// Lifetime assumed when XHS gives a token without a readable `expires_in`.
/// Shorter than the ~24 h XHS grants, so a wrong guess costs a refetch, not a
/// page that signs with a dead token.
const FALLBACK_LIFETIME_SECS: i64 = 60 * 60;

/// The body of the token request.
#[derive(Serialize)]
struct TokenRequest<'a> {
    app_key: &'a str,
    nonce: &'a str,
    /// Public integrations disagree on whether XHS wants a string or a number
    /// here. This is the one place that decides: we send the very decimal
    /// string that went into the signature, so what XHS re-signs is byte for
    /// byte what we signed.
    timestamp: &'a str,
    signature: &'a str,
}

#[derive(Deserialize)]
struct TokenResponse {
    #[serde(default)]
    success: bool,
    code: Option<serde_json::Value>,
    msg: Option<String>,
    data: Option<TokenData>,
}

#[derive(Deserialize)]
struct TokenData {
    access_token: Option<String>,
    expires_in: Option<serde_json::Value>,
}

/// Asks XHS for a new access token. One call, no retry, no caching.
pub(crate) async fn fetch_access_token(
    http: &reqwest::Client,
    config: &XhsConfig,
) -> Result<AccessToken, SigningError> {
    let nonce = new_nonce();
    let timestamp = timestamp_millis().to_string();
    let signature = sign(
        &config.app_key,
        &nonce,
        &timestamp,
        config.app_secret.expose_secret(),
    );
    let body = TokenRequest {
        app_key: &config.app_key,
        nonce: &nonce,
        timestamp: &timestamp,
        signature: &signature,
    };
    let url = endpoint(&config.api_base, TOKEN_PATH);

    let response = http
        .post(&url)
        .timeout(config.timeout)
        .json(&body)
        .send()
        .await
        .map_err(transport)?;
    let status = response.status();
    // Read the whole body under the same timeout as the request itself.
    let bytes = response.bytes().await.map_err(transport)?;

    // XHS may report a refusal with a non-2xx status too: its own `msg` beats
    // a bare status code, so the envelope is tried first.
    let parsed: TokenResponse = match serde_json::from_slice(&bytes) {
        Ok(parsed) => parsed,
        Err(_) if !status.is_success() => {
            return Err(SigningError::Transport(format!(
                "token endpoint answered HTTP {status}"
            )))
        }
        Err(err) => {
            return Err(SigningError::Transport(format!(
                "token endpoint answered undecodable JSON ({err})"
            )))
        }
    };
    read_response(parsed)
}

fn read_response(parsed: TokenResponse) -> Result<AccessToken, SigningError> {
    let msg = parsed.msg.filter(|m| !m.is_empty());
    if !parsed.success {
        let message = msg.unwrap_or_else(|| match &parsed.code {
            Some(code) => format!("no message (code {code})"),
            None => "no message".to_owned(),
        });
        return Err(SigningError::Rejected { message });
    }
    let data = parsed.data;
    let (value, expires_in) = match data {
        Some(TokenData {
            access_token: Some(value),
            expires_in,
        }) if !value.is_empty() => (value, expires_in),
        _ => {
            return Err(SigningError::NoToken {
                message: format!(
                    "XHS answered without data.access_token: the app may not be approved yet, \
                     or the appKey/appSecret are wrong (XHS msg: {})",
                    msg.as_deref().unwrap_or("none")
                ),
            })
        }
    };
    let now = Utc::now();
    let expires_at = match expires_in.as_ref().and_then(as_i64) {
        Some(expires_in) => expires_at_from(expires_in, now),
        None => {
            tracing::warn!(
                fallback_secs = FALLBACK_LIFETIME_SECS,
                "XHS token response has no readable expires_in; assuming a short lifetime"
            );
            expires_at_from(FALLBACK_LIFETIME_SECS, now)
        }
    };
    Ok(AccessToken {
        value: SecretString::from(value),
        expires_at,
    })
}

/// `expires_in` as a number, whether XHS wrote it as an integer, a float or a string.
fn as_i64(value: &serde_json::Value) -> Option<i64> {
    match value {
        serde_json::Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn read(json: &str) -> Result<AccessToken, SigningError> {
        read_response(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn request_sends_timestamp_as_the_signed_string() {
        let body = TokenRequest {
            app_key: "k",
            nonce: "n",
            timestamp: "1732233600000",
            signature: "s",
        };
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["timestamp"], "1732233600000");
        assert_eq!(json["app_key"], "k");
    }

    #[test]
    fn success_false_is_rejected_with_xhs_msg() {
        let err = read(r#"{"success":false,"code":-1,"msg":"nope","data":null}"#).unwrap_err();
        assert!(matches!(err, SigningError::Rejected { message } if message == "nope"));
    }

    #[test]
    fn success_without_token_says_app_may_not_be_approved() {
        let err = read(r#"{"success":true,"code":0,"msg":"ok","data":{}}"#).unwrap_err();
        let SigningError::NoToken { message } = err else {
            panic!("expected NoToken")
        };
        assert!(message.contains("not be approved"), "{message}");
        assert!(message.contains("appKey/appSecret are wrong"), "{message}");
    }

    #[test]
    fn expires_in_as_string_is_accepted() {
        let token = read(
            r#"{"success":true,"code":0,"msg":"","data":{"access_token":"t","expires_in":"7200"}}"#,
        )
        .unwrap();
        let left = token.expires_at - Utc::now();
        assert!(left.num_seconds() > 7100 && left.num_seconds() <= 7200);
    }

    #[test]
    fn missing_expires_in_falls_back_to_a_short_lifetime() {
        let token = read(r#"{"success":true,"data":{"access_token":"t"}}"#).unwrap();
        let left = token.expires_at - Utc::now();
        assert!(left.num_seconds() <= FALLBACK_LIFETIME_SECS);
    }
}
