//! Douyin's signed H5 share (XHS_FACTS section 6): a client token (step A),
//! a ticket bought with it (step B), both cached and shared across instances,
//! and the `snssdk1128://` schema signed with the ticket for each tap.

mod client;
mod schema;

use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use crate::error::SigningError;
use crate::shared::{SharedToken, TokenPolicy};
use crate::store::TokenStore;
pub use schema::{douyin_signature, DouyinShare, SCHEMA_BASE};

/// Credentials and endpoint of Douyin's open platform.
#[derive(Clone, Debug)]
pub struct DouyinConfig {
    /// Public: it is part of every schema.
    pub client_key: String,
    /// Only ever sent to the client-token endpoint.
    pub client_secret: SecretString,
    /// `https://open.douyin.com` in production, a fake in tests.
    pub api_base: url::Url,
    /// Upper bound for one token or ticket request.
    pub timeout: Duration,
}

/// Signs Douyin share schemas; neither the secret, the client token nor the
/// ticket ever leaves the server.
pub struct DouyinSigner {
    config: Option<DouyinConfig>,
    http: reqwest::Client,
    client_token: SharedToken,
    ticket: SharedToken,
}

impl std::fmt::Debug for DouyinSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DouyinSigner")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl DouyinSigner {
    /// `None`, or an empty key or secret, means Douyin is not configured.
    pub fn new(config: Option<DouyinConfig>, store: Arc<dyn TokenStore>) -> Self {
        let config = config.filter(|c| {
            !c.client_key.trim().is_empty() && !c.client_secret.expose_secret().trim().is_empty()
        });
        let key = config
            .as_ref()
            .map(|c| c.client_key.clone())
            .unwrap_or_default();
        let timeout = config
            .as_ref()
            .map_or(Duration::from_secs(5), |c| c.timeout);
        let client_token = TokenPolicy {
            key: format!("douyin-client:{key}"),
            label: "Douyin client token",
            platform: "douyin",
            token: "client_token",
            fetch_timeout: timeout,
        };
        let ticket = TokenPolicy {
            key: format!("douyin-ticket:{key}"),
            label: "Douyin ticket",
            platform: "douyin",
            token: "ticket",
            // Fetching a ticket may first fetch the client token.
            fetch_timeout: timeout * 2,
        };
        Self {
            config,
            http: reqwest::Client::new(),
            client_token: SharedToken::new(client_token, store.clone()),
            ticket: SharedToken::new(ticket, store),
        }
    }

    /// Whether a client key and secret are configured.
    pub fn is_configured(&self) -> bool {
        self.config.is_some()
    }

    /// The schema that opens Douyin's share page with `share` filled in,
    /// signed now with the shared ticket; `state` comes back in Douyin's
    /// share result.
    pub async fn schema(&self, share: &DouyinShare, state: &str) -> Result<String, SigningError> {
        self.sign(&share.fields(state)).await
    }

    /// The schema of fields made once by [`DouyinShare::fields`], signed
    /// now with the shared ticket.
    pub async fn sign(&self, fields: &str) -> Result<String, SigningError> {
        let config = self.config.as_ref().ok_or(SigningError::NotConfigured)?;
        let ticket = self
            .ticket
            .get(|| async {
                let token = self
                    .client_token
                    .get(|| client::fetch_client_token(&self.http, config))
                    .await?;
                client::fetch_ticket(&self.http, config, token.value.expose_secret()).await
            })
            .await?;
        Ok(schema::signed(
            &config.client_key,
            ticket.value.expose_secret(),
            fields,
        ))
    }
}
