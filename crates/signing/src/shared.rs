//! A token fetched once however many callers want it, for every platform:
//! XHS's access token, Douyin's client token and ticket. Each is kept in
//! memory and in the shared [`TokenStore`] (so every instance uses the same
//! one), refreshed before it expires, and fetched by one instance at a time
//! (the store's lease): a new token may retire the one the others use.
//!
//! What differs per platform is only the [`TokenPolicy`] (the store key, a
//! name for the logs, how long one fetch may take) and the fetch itself,
//! which the caller passes to [`SharedToken::get`].

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Mutex;

use crate::error::SigningError;
use crate::lease::{take_turn, Turn};
use crate::sign::new_nonce;
use crate::store::TokenStore;
use crate::token::AccessToken;

/// How much longer than one fetch a fetch lease lasts: other instances wait
/// at most this much longer for a holder that died.
const LEASE_SLACK: Duration = Duration::from_secs(5);

/// What one platform's token needs to be shared.
#[derive(Debug, Clone)]
pub(crate) struct TokenPolicy {
    /// The store's key, e.g. the appKey or `douyin-ticket:<client_key>`.
    pub key: String,
    /// What the token is called in log lines ("XHS access token").
    pub label: &'static str,
    /// The platform and token in metrics (`xhs_token_fetches_total`).
    pub platform: &'static str,
    pub token: &'static str,
    /// Upper bound of one fetch (all its requests together).
    pub fetch_timeout: Duration,
}

/// One platform's shared token (see the module).
///
/// Refreshes are single flight within an instance: a mutex is held across the
/// store lookup and the fetch, and callers that queued behind a refresh take
/// its outcome (token or error) instead of starting their own, so fifty
/// simultaneous callers make one request and share its failure. If a refresh
/// fails while the previous token has not expired yet (it is only inside the
/// refresh margin), that token is served until it does.
pub(crate) struct SharedToken {
    policy: TokenPolicy,
    store: Arc<dyn TokenStore>,
    cache: RwLock<Option<AccessToken>>,
    /// Held across a refresh; holds the outcome of the latest one.
    refresh: Mutex<Option<Result<AccessToken, SigningError>>>,
    /// Counts finished refreshes, so a waiter can tell whether one happened
    /// while it queued for `refresh`.
    refreshes: AtomicU64,
    /// Names this instance when it takes the store's lease.
    owner: String,
}

impl SharedToken {
    pub(crate) fn new(policy: TokenPolicy, store: Arc<dyn TokenStore>) -> Self {
        Self {
            policy,
            store,
            cache: RwLock::new(None),
            refresh: Mutex::new(None),
            refreshes: AtomicU64::new(0),
            owner: new_nonce(),
        }
    }

    /// A valid token from memory, the store, or `fetch` (called at most once
    /// at a time per instance, and by one instance at a time).
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<AccessToken, SigningError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessToken, SigningError>>,
    {
        // Read the counter before the cache: a refresh that finishes after
        // this point moves the counter, and its outcome is reused below.
        let seen = self.refreshes.load(Ordering::Acquire);
        if let Some(token) = self.cached().filter(|t| t.is_fresh(Utc::now())) {
            return Ok(token);
        }

        let mut last = self.refresh.lock().await;
        if self.refreshes.load(Ordering::Acquire) != seen {
            match last.as_ref() {
                // Even inside the refresh margin: it was decided just now.
                Some(Ok(token)) if token.is_valid(Utc::now()) => return Ok(token.clone()),
                Some(Err(err)) => return Err(err.clone()),
                _ => {}
            }
        }

        let outcome = self.refresh_token(fetch).await;
        if let Ok(token) = &outcome {
            *self.cache.write().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        }
        *last = Some(outcome.clone());
        self.refreshes.fetch_add(1, Ordering::Release);
        outcome
    }

    fn cached(&self) -> Option<AccessToken> {
        self.cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The store, then `fetch` under the lease. Called with the refresh mutex held.
    async fn refresh_token<F, Fut>(&self, fetch: F) -> Result<AccessToken, SigningError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessToken, SigningError>>,
    {
        let TokenPolicy { key, label, .. } = &self.policy;
        // Another instance may have refreshed already. A store that cannot be
        // read fails the call instead of fetching: a fetch may retire the
        // token the other instances are using.
        let stored = self.store.load(key).await?;
        if let Some(token) = stored.as_ref().filter(|t| t.is_fresh(Utc::now())) {
            tracing::debug!(%key, expires_at = %token.expires_at, "{label} taken from the store");
            return Ok(token.clone());
        }
        let ttl = self.policy.fetch_timeout + LEASE_SLACK;
        if let Turn::Fetched(token) = take_turn(self.store.as_ref(), key, &self.owner, ttl).await? {
            return Ok(token);
        }

        tracing::info!(%key, "fetching {label}");
        let fetched = fetch().await;
        metrics::counter!(
            "xhs_token_fetches_total",
            "platform" => self.policy.platform,
            "token" => self.policy.token,
            "outcome" => fetch_outcome(&fetched),
        )
        .increment(1);
        let outcome = match fetched {
            Ok(token) => {
                tracing::info!(%key, expires_at = %token.expires_at, "{label} fetched");
                // The token is good whether or not it could be shared: keep
                // it and only warn, rather than fetch again next call.
                if let Err(err) = self.store.save(key, &token).await {
                    tracing::warn!(%key, error = %err, "could not share the {label} through the store");
                }
                Ok(token)
            }
            Err(err) => {
                tracing::warn!(%key, error = %err, "{label} fetch failed");
                self.still_valid(stored).ok_or(err)
            }
        };
        if let Err(err) = self.store.release(key, &self.owner).await {
            tracing::warn!(%key, error = %err, "could not release the {label} lease; it expires by itself");
        }
        outcome
    }

    /// Inside the refresh margin the old token still works: serve it rather
    /// than fail pages while the platform is briefly unreachable.
    fn still_valid(&self, stored: Option<AccessToken>) -> Option<AccessToken> {
        let token = [stored, self.cached()]
            .into_iter()
            .flatten()
            .filter(|t| t.is_valid(Utc::now()))
            .max_by_key(|t| t.expires_at)?;
        tracing::warn!(key = %self.policy.key, expires_at = %token.expires_at,
            "using the previous {} until it expires", self.policy.label);
        Some(token)
    }
}

/// The outcome of one fetch as metrics name it.
fn fetch_outcome(fetched: &Result<AccessToken, SigningError>) -> &'static str {
    match fetched {
        Ok(_) => "ok",
        Err(SigningError::Rejected { .. } | SigningError::NoToken { .. }) => "rejected",
        Err(SigningError::Timeout) => "timeout",
        Err(SigningError::Transport(_)) => "unreachable",
        Err(SigningError::Store(_)) => "store_failed",
        Err(SigningError::NotConfigured) => "not_configured",
    }
}
