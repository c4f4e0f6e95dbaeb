//! XHS: the shared access token (step A) and the page's `verifyConfig` (step B).

use std::sync::Arc;

use secrecy::ExposeSecret;
use serde::Serialize;

use crate::client::fetch_access_token;
use crate::config::XhsConfig;
use crate::error::SigningError;
use crate::shared::{SharedToken, TokenPolicy};
use crate::sign::{new_nonce, sign, timestamp_millis};
use crate::store::TokenStore;
use crate::token::AccessToken;

/// Step B's output, the page's `verifyConfig` for `xhs.share(...)`.
///
/// Serialized camelCase: `{"appKey","nonce","timestamp","signature"}` with
/// `timestamp` a number of milliseconds.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerifyConfig {
    /// The configured appKey.
    pub app_key: String,
    /// A fresh nonce for this page load: random, at most 32 letters and digits.
    pub nonce: String,
    /// Milliseconds since the epoch, signed as its decimal string.
    pub timestamp: i64,
    /// Lowercase hex SHA-256 of `appKey=..&nonce=..&timeStamp=..` followed by
    /// the access token.
    pub signature: String,
}

/// Signs for the XHS share SDK: keeps the access token (step A) and makes the
/// page's `verifyConfig` (step B).
///
/// The token is looked up in memory, then the shared [`TokenStore`], then
/// fetched from XHS, and reused while more than [`crate::REFRESH_MARGIN_SECS`]
/// of its life remain; see `SharedToken` (shared.rs) for single flight and for serving a
/// still-valid token when a refresh fails.
pub struct Signer {
    config: Option<XhsConfig>,
    http: reqwest::Client,
    token: SharedToken,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// A signer for `config` (`None`, or an empty appKey/appSecret, means
    /// signing is not configured) sharing tokens through `store`.
    pub fn new(config: Option<XhsConfig>, store: Arc<dyn TokenStore>) -> Self {
        let config = config.filter(XhsConfig::is_usable);
        let policy = TokenPolicy {
            // The appKey alone, as stores written by earlier versions hold it.
            key: config
                .as_ref()
                .map(|c| c.app_key.clone())
                .unwrap_or_default(),
            label: "XHS access token",
            platform: "xhs",
            token: "access_token",
            fetch_timeout: config.as_ref().map_or(DEFAULT_TIMEOUT, |c| c.timeout),
        };
        Self {
            config,
            // The timeout is set per request (XhsConfig.timeout); the default
            // client only fails to build without a TLS backend, which rustls is.
            http: reqwest::Client::new(),
            token: SharedToken::new(policy, store),
        }
    }

    /// Whether an appKey and appSecret are configured.
    pub fn is_configured(&self) -> bool {
        self.config.is_some()
    }

    /// The configured appKey, if any.
    pub fn app_key(&self) -> Option<&str> {
        self.config.as_ref().map(|c| c.app_key.as_str())
    }

    /// Step A: a valid access token, from memory, the store or XHS (see [`Signer`]).
    pub async fn access_token(&self) -> Result<AccessToken, SigningError> {
        let config = self.config.as_ref().ok_or(SigningError::NotConfigured)?;
        self.token
            .get(|| fetch_access_token(&self.http, config))
            .await
    }

    /// Step B: a `verifyConfig` with a fresh nonce and timestamp, signed with
    /// the access token. Never cached: each page load gets its own.
    pub async fn verify_config(&self) -> Result<VerifyConfig, SigningError> {
        let token = self.access_token().await?;
        let app_key = self.app_key().ok_or(SigningError::NotConfigured)?;
        let nonce = new_nonce();
        let timestamp = timestamp_millis();
        let signature = sign(
            app_key,
            &nonce,
            &timestamp.to_string(),
            token.value.expose_secret(),
        );
        Ok(VerifyConfig {
            app_key: app_key.to_owned(),
            nonce,
            timestamp,
            signature,
        })
    }
}

/// The fetch bound of an unconfigured signer, which never fetches.
const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);
