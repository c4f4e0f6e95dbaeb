//! A token fetched once however many callers want it: kept in memory and in
//! the shared [`TokenStore`] (so every instance uses the same one), refreshed
//! before it expires, and fetched by one instance at a time (the store's
//! lease). Douyin's client token and ticket use it; XHS's [`crate::Signer`]
//! keeps its own variant, which also hands a failed refresh to its waiters.

use std::future::Future;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use chrono::Utc;
use tokio::sync::Mutex;

use crate::error::SigningError;
use crate::lease::{take_turn, Turn};
use crate::sign::new_nonce;
use crate::store::TokenStore;
use crate::token::AccessToken;

pub struct SharedToken {
    /// The store's key, e.g. `douyin-ticket:<client_key>`.
    key: String,
    store: Arc<dyn TokenStore>,
    cache: RwLock<Option<AccessToken>>,
    /// Held across a refresh, so callers queued behind it find its token.
    refresh: Mutex<()>,
    owner: String,
    lease_ttl: Duration,
}

impl SharedToken {
    /// `lease_ttl` bounds how long other instances wait for this one's fetch.
    pub fn new(key: String, store: Arc<dyn TokenStore>, lease_ttl: Duration) -> Self {
        Self {
            key,
            store,
            cache: RwLock::new(None),
            refresh: Mutex::new(()),
            owner: new_nonce(),
            lease_ttl,
        }
    }

    /// A fresh token from memory, the store, or `fetch` (called at most once
    /// at a time per instance, and by one instance at a time).
    pub async fn get<F, Fut>(&self, fetch: F) -> Result<AccessToken, SigningError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<AccessToken, SigningError>>,
    {
        if let Some(token) = self.fresh_cached() {
            return Ok(token);
        }
        let _turn = self.refresh.lock().await;
        if let Some(token) = self.fresh_cached() {
            return Ok(token);
        }
        if let Some(token) = self
            .store
            .load(&self.key)
            .await?
            .filter(|t| t.is_fresh(Utc::now()))
        {
            return Ok(self.keep(token));
        }
        if let Turn::Fetched(token) =
            take_turn(self.store.as_ref(), &self.key, &self.owner, self.lease_ttl).await?
        {
            return Ok(self.keep(token));
        }
        let outcome = fetch().await;
        if let Ok(token) = &outcome {
            tracing::info!(key = %self.key, expires_at = %token.expires_at, "token fetched");
            if let Err(err) = self.store.save(&self.key, token).await {
                tracing::warn!(key = %self.key, error = %err, "could not share the token through the store");
            }
        }
        if let Err(err) = self.store.release(&self.key, &self.owner).await {
            tracing::warn!(key = %self.key, error = %err, "could not release the token lease; it expires by itself");
        }
        outcome.map(|t| self.keep(t))
    }

    fn fresh_cached(&self) -> Option<AccessToken> {
        self.cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .filter(|t| t.is_fresh(Utc::now()))
    }

    fn keep(&self, token: AccessToken) -> AccessToken {
        *self.cache.write().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        token
    }
}
