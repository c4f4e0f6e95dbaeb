//! The cached, single-flight access-token client and step B.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use chrono::Utc;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use tokio::sync::Mutex;

use crate::client::fetch_access_token;
use crate::error::SigningError;
use crate::lease::{take_turn, Turn};
use crate::sign::{new_nonce, sign, timestamp_millis};
use crate::store::TokenStore;
use crate::token::AccessToken;

/// Credentials and endpoint of the XHS open platform.
#[derive(Clone, Debug)]
pub struct XhsConfig {
    /// The appKey; public (the page receives it).
    pub app_key: String,
    /// The appSecret; only ever used to sign step A.
    pub app_secret: SecretString,
    /// `https://edith.xiaohongshu.com` in production, a fake in tests.
    pub api_base: url::Url,
    /// Upper bound for one token request, connection to last byte.
    pub timeout: Duration,
}

/// Step B's output, the page's `verifyConfig` for `xhs.share(...)`.
///
/// Serialized camelCase: `{"appKey","nonce","timestamp","signature"}` with
/// `timestamp` a number of milliseconds.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyConfig {
    /// The configured appKey.
    pub app_key: String,
    /// A fresh nonce for this page load.
    pub nonce: String,
    /// Milliseconds since the epoch, signed as its decimal string.
    pub timestamp: i64,
    /// `sign(app_key, nonce, timestamp, access_token)`.
    pub signature: String,
}

/// Signs for the XHS share SDK: fetches and caches the access token (step A)
/// and makes the page's `verifyConfig` (step B).
///
/// Token lookup goes memory cache, then the shared [`TokenStore`], then XHS.
/// A token is reused while more than [`crate::REFRESH_MARGIN_SECS`] (5 min)
/// of its life remain. Refreshes are single-flight within an instance: a
/// `tokio::sync::Mutex` is held across the store lookup and the HTTP fetch, and
/// callers that queued behind a refresh take its outcome (success or error)
/// instead of starting their own, so 50 simultaneous calls make one request.
/// If a refresh fails while the previous token has not yet expired (it is
/// only inside the margin), that token is served until it does.
pub struct Signer {
    config: Option<XhsConfig>,
    store: Arc<dyn TokenStore>,
    http: reqwest::Client,
    cache: RwLock<Option<AccessToken>>,
    /// Held across a refresh; holds the outcome of the latest one.
    refresh: Mutex<Option<Result<AccessToken, SigningError>>>,
    /// Counts finished refreshes, so a waiter can tell whether one happened
    /// while it queued for `refresh`.
    refreshes: AtomicU64,
    /// Names this instance when it takes the store's fetch lease.
    owner: String,
}

/// How much longer than one token request a fetch lease lasts.
const LEASE_SLACK: Duration = Duration::from_secs(5);

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
        let config = config.filter(|c| {
            !c.app_key.trim().is_empty() && !c.app_secret.expose_secret().trim().is_empty()
        });
        Self {
            config,
            store,
            // The timeout is set per request (XhsConfig.timeout); the default
            // client only fails to build without a TLS backend, which rustls is.
            http: reqwest::Client::new(),
            cache: RwLock::new(None),
            refresh: Mutex::new(None),
            refreshes: AtomicU64::new(0),
            owner: new_nonce(),
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

    /// Step A: a valid access token, from cache, the store or XHS (see [`Signer`]).
    /// A freshly fetched token is saved to the store for the other instances.
    pub async fn access_token(&self) -> Result<AccessToken, SigningError> {
        let config = self.config.as_ref().ok_or(SigningError::NotConfigured)?;
        // Read the counter before the cache: if a refresh finishes after this
        // point we will see the counter move and reuse its outcome.
        let seen = self.refreshes.load(Ordering::Acquire);
        if let Some(token) = self.cached().filter(|t| t.is_fresh(Utc::now())) {
            return Ok(token);
        }

        let mut last = self.refresh.lock().await;
        if self.refreshes.load(Ordering::Acquire) != seen {
            match last.as_ref() {
                // Even inside the refresh margin: it was issued just now.
                Some(Ok(token)) if token.is_valid(Utc::now()) => return Ok(token.clone()),
                Some(Err(err)) => return Err(err.clone()),
                _ => {}
            }
        }

        let outcome = self.refresh_token(config).await;
        if let Ok(token) = &outcome {
            *self.cache.write().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        }
        *last = Some(outcome.clone());
        self.refreshes.fetch_add(1, Ordering::Release);
        outcome
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

    fn cached(&self) -> Option<AccessToken> {
        self.cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The store, then XHS. Called with the refresh mutex held.
    async fn refresh_token(&self, config: &XhsConfig) -> Result<AccessToken, SigningError> {
        // Another instance may have refreshed already. A store that cannot be
        // read fails the call instead of fetching: a fetch may invalidate the
        // token the other instances are using.
        let stored = self.store.load(&config.app_key).await?;
        if let Some(token) = stored.as_ref().filter(|t| t.is_fresh(Utc::now())) {
            tracing::debug!(expires_at = %token.expires_at, "XHS access token taken from the store");
            return Ok(token.clone());
        }

        // Of several instances whose tokens went stale together, one fetches.
        let ttl = config.timeout + LEASE_SLACK;
        if let Turn::Fetched(token) =
            take_turn(self.store.as_ref(), &config.app_key, &self.owner, ttl).await?
        {
            return Ok(token);
        }
        let outcome = self.fetch_and_save(config, stored).await;
        if let Err(err) = self.store.release(&config.app_key, &self.owner).await {
            tracing::warn!(error = %err, "could not release the XHS token lease; it expires by itself");
        }
        outcome
    }

    /// Fetches from XHS and saves for the other instances. Called holding the lease.
    async fn fetch_and_save(
        &self,
        config: &XhsConfig,
        stored: Option<AccessToken>,
    ) -> Result<AccessToken, SigningError> {
        tracing::info!(app_key = %config.app_key, "fetching XHS access token");
        let token = match fetch_access_token(&self.http, config).await {
            Ok(token) => token,
            Err(err) => {
                tracing::warn!(app_key = %config.app_key, error = %err, "XHS access token fetch failed");
                // Inside the refresh margin the old token still works: serve
                // it rather than fail pages while XHS is briefly unreachable.
                let still_valid = [stored, self.cached()]
                    .into_iter()
                    .flatten()
                    .filter(|t| t.is_valid(Utc::now()))
                    .max_by_key(|t| t.expires_at);
                if let Some(token) = still_valid {
                    tracing::warn!(expires_at = %token.expires_at, "using the previous XHS access token until it expires");
                    return Ok(token);
                }
                return Err(err);
            }
        };
        tracing::info!(app_key = %config.app_key, expires_at = %token.expires_at, "XHS access token fetched");

        // The token is good whether or not it could be shared: keep it and
        // only warn, rather than throw it away and fetch again next call.
        if let Err(err) = self.store.save(&config.app_key, &token).await {
            tracing::warn!(error = %err, "could not save the XHS access token to the store");
        }
        Ok(token)
    }
}
