//! Douyin's two token endpoints over HTTP. One call each, no retry, no cache.

use chrono::Utc;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::DouyinConfig;
use crate::error::SigningError;
use crate::http::{endpoint, transport};
use crate::token::{expires_at_from, AccessToken};

pub(crate) const CLIENT_TOKEN_PATH: &str = "/oauth/client_token/";
pub(crate) const TICKET_PATH: &str = "/open/getticket/";

/// Both endpoints wrap their answer in `data`, with `error_code` 0 on success.
#[derive(Deserialize)]
struct Envelope {
    data: Option<Data>,
    message: Option<String>,
}

#[derive(Deserialize)]
struct Data {
    access_token: Option<String>,
    ticket: Option<String>,
    expires_in: Option<i64>,
    #[serde(default)]
    error_code: i64,
    description: Option<String>,
}

/// Step A: `client_key` and `client_secret` for a client token.
pub(crate) async fn fetch_client_token(
    http: &reqwest::Client,
    config: &DouyinConfig,
) -> Result<AccessToken, SigningError> {
    let body = serde_json::json!({
        "client_key": config.client_key,
        "client_secret": config.client_secret.expose_secret(),
        "grant_type": "client_credential",
    });
    let request = http.post(url(config, CLIENT_TOKEN_PATH)).json(&body);
    let data = call(request, config).await?;
    token(data.access_token, data.expires_in)
}

/// Step B: the client token for a ticket.
pub(crate) async fn fetch_ticket(
    http: &reqwest::Client,
    config: &DouyinConfig,
    client_token: &str,
) -> Result<AccessToken, SigningError> {
    let request = http
        .get(url(config, TICKET_PATH))
        .header("access-token", client_token);
    let data = call(request, config).await?;
    token(data.ticket, data.expires_in)
}

fn url(config: &DouyinConfig, path: &str) -> String {
    endpoint(&config.api_base, path)
}

async fn call(
    request: reqwest::RequestBuilder,
    config: &DouyinConfig,
) -> Result<Data, SigningError> {
    let response = request
        .timeout(config.timeout)
        .send()
        .await
        .map_err(transport)?;
    let status = response.status();
    let bytes = response.bytes().await.map_err(transport)?;
    let envelope: Envelope = serde_json::from_slice(&bytes).map_err(|_| {
        SigningError::Transport(format!("Douyin answered HTTP {status} without its JSON"))
    })?;
    let data = envelope.data.ok_or_else(|| SigningError::Rejected {
        message: envelope.message.unwrap_or_else(|| "no data".into()),
    })?;
    if data.error_code != 0 {
        return Err(SigningError::Rejected {
            message: format!(
                "{} (error_code {})",
                data.description.as_deref().unwrap_or("no description"),
                data.error_code
            ),
        });
    }
    Ok(data)
}

fn token(value: Option<String>, expires_in: Option<i64>) -> Result<AccessToken, SigningError> {
    let value = value
        .filter(|v| !v.is_empty())
        .ok_or_else(|| SigningError::NoToken {
            message: "Douyin answered without the token: check the app's h5.share and open.get.ticket scopes".into(),
        })?;
    Ok(AccessToken {
        value: SecretString::from(value),
        expires_at: expires_at_from(expires_in.unwrap_or(7200), Utc::now()),
    })
}
