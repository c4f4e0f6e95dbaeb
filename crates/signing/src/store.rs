//! Where access tokens are shared between server instances.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use tokio::sync::RwLock;

use crate::token::AccessToken;

/// A failure of a [`TokenStore`]; the text must not contain the token.
#[derive(Debug, thiserror::Error)]
#[error("token store: {0}")]
pub struct StoreError(pub String);

/// Persistence for access tokens, keyed by appKey.
///
/// XHS may invalidate a token when it issues a new one, so every instance of
/// the server must use the same token: production implements this over the
/// database, tests use [`MemoryTokenStore`].
#[async_trait::async_trait]
pub trait TokenStore: Send + Sync + 'static {
    /// The last saved token for `app_key`, if any (expired or not).
    async fn load(&self, app_key: &str) -> Result<Option<AccessToken>, StoreError>;
    /// Replaces the token saved for `app_key`.
    async fn save(&self, app_key: &str, token: &AccessToken) -> Result<(), StoreError>;
    /// Claims the right to fetch a new token for `app_key` until `until`; true
    /// when `owner` holds it (a free, expired or own lease). A store used by a
    /// single process may keep the default, which always grants it.
    async fn try_lease(
        &self,
        _app_key: &str,
        _owner: &str,
        _until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        Ok(true)
    }
    /// Gives the lease up, if `owner` holds it.
    async fn release(&self, _app_key: &str, _owner: &str) -> Result<(), StoreError> {
        Ok(())
    }
}

/// An in-process [`TokenStore`], for tests and single-instance deployments.
#[derive(Default)]
pub struct MemoryTokenStore {
    tokens: RwLock<HashMap<String, AccessToken>>,
    leases: RwLock<HashMap<String, (String, DateTime<Utc>)>>,
}

#[async_trait::async_trait]
impl TokenStore for MemoryTokenStore {
    async fn load(&self, app_key: &str) -> Result<Option<AccessToken>, StoreError> {
        Ok(self.tokens.read().await.get(app_key).cloned())
    }

    async fn save(&self, app_key: &str, token: &AccessToken) -> Result<(), StoreError> {
        self.tokens
            .write()
            .await
            .insert(app_key.to_owned(), token.clone());
        Ok(())
    }

    async fn try_lease(
        &self,
        app_key: &str,
        owner: &str,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let mut leases = self.leases.write().await;
        let free = leases
            .get(app_key)
            .is_none_or(|(holder, end)| holder == owner || *end <= Utc::now());
        if free {
            leases.insert(app_key.to_owned(), (owner.to_owned(), until));
        }
        Ok(free)
    }

    async fn release(&self, app_key: &str, owner: &str) -> Result<(), StoreError> {
        let mut leases = self.leases.write().await;
        if leases
            .get(app_key)
            .is_some_and(|(holder, _)| holder == owner)
        {
            leases.remove(app_key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use secrecy::{ExposeSecret, SecretString};

    #[tokio::test]
    async fn memory_store_returns_what_was_saved_per_app_key() {
        let store = MemoryTokenStore::default();
        let token = AccessToken {
            value: SecretString::from("t1"),
            expires_at: chrono::Utc::now(),
        };
        assert!(store.load("a").await.unwrap().is_none());
        store.save("a", &token).await.unwrap();
        let loaded = store.load("a").await.unwrap().unwrap();
        assert_eq!(loaded.value.expose_secret(), "t1");
        assert!(store.load("b").await.unwrap().is_none());
    }
}
