//! The access-token store backed by the database, so every instance shares one
//! token (a new token may invalidate the previous one).
use async_trait::async_trait;
use chrono::{DateTime, TimeZone, Utc};
use xhs_persistence::{tokens, DatabaseConnection};
use xhs_signing::{AccessToken, ExposeSecret, SecretString, StoreError, TokenStore};

pub struct DbTokenStore {
    db: DatabaseConnection,
}

impl DbTokenStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

#[async_trait]
impl TokenStore for DbTokenStore {
    async fn load(&self, app_key: &str) -> Result<Option<AccessToken>, StoreError> {
        let row = tokens::load(&self.db, app_key)
            .await
            .map_err(|e| StoreError(e.to_string()))?;
        Ok(row.map(|r| AccessToken {
            value: SecretString::from(r.access_token),
            expires_at: Utc.from_utc_datetime(&r.expires_at),
        }))
    }

    async fn save(&self, app_key: &str, token: &AccessToken) -> Result<(), StoreError> {
        tokens::save(
            &self.db,
            app_key,
            token.value.expose_secret(),
            token.expires_at.naive_utc(),
        )
        .await
        .map_err(|e| StoreError(e.to_string()))
    }

    async fn try_lease(
        &self,
        app_key: &str,
        owner: &str,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        tokens::try_lease(&self.db, app_key, owner, until.naive_utc())
            .await
            .map_err(|e| StoreError(e.to_string()))
    }

    async fn release(&self, app_key: &str, owner: &str) -> Result<(), StoreError> {
        tokens::release_lease(&self.db, app_key, owner)
            .await
            .map_err(|e| StoreError(e.to_string()))
    }
}
