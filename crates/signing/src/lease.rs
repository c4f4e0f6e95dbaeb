//! Which instance fetches: of several instances whose tokens went stale at
//! the same moment, only the one holding the store's lease fetches (a new token
//! may invalidate the previous one); the others wait for it in the store.

use std::time::Duration;

use chrono::Utc;

use crate::error::SigningError;
use crate::store::TokenStore;
use crate::token::AccessToken;

/// How often a waiting instance looks for the token the lease holder fetched.
const POLL: Duration = Duration::from_millis(100);

/// What a caller about to fetch should do.
pub enum Turn {
    /// This instance holds the lease: fetch, save, then release.
    Fetch,
    /// Another instance fetched this token meanwhile.
    Fetched(AccessToken),
}

/// The stored token, when it is fresh.
async fn fresh(store: &dyn TokenStore, app_key: &str) -> Result<Option<AccessToken>, SigningError> {
    Ok(store
        .load(app_key)
        .await?
        .filter(|t| t.is_fresh(Utc::now())))
}

/// Takes the lease, or waits for its holder's token. A lease outlives one
/// fetch (`ttl`), so a holder that dies only delays the others by that much.
pub async fn take_turn(
    store: &dyn TokenStore,
    app_key: &str,
    owner: &str,
    ttl: Duration,
) -> Result<Turn, SigningError> {
    let give_up = tokio::time::Instant::now() + ttl;
    loop {
        let until =
            Utc::now() + chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::seconds(30));
        if store.try_lease(app_key, owner, until).await? {
            // The previous holder may have saved its token and let go between
            // the caller's look at the store and this lease: look once more,
            // or two instances fetch (and the second fetch may invalidate
            // the first token).
            let Some(token) = fresh(store, app_key).await? else {
                return Ok(Turn::Fetch);
            };
            if let Err(err) = store.release(app_key, owner).await {
                tracing::warn!(error = %err, "could not release the token lease; it expires by itself");
            }
            return Ok(Turn::Fetched(token));
        }
        tokio::time::sleep(POLL).await;
        if let Some(token) = fresh(store, app_key).await? {
            tracing::debug!(%app_key, "token fetched by another instance");
            return Ok(Turn::Fetched(token));
        }
        if tokio::time::Instant::now() >= give_up {
            // The holder neither saved a token nor let go in time.
            tracing::warn!(%app_key, "token lease not released in time; fetching anyway");
            return Ok(Turn::Fetch);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::store::MemoryTokenStore;
    use secrecy::SecretString;

    #[tokio::test]
    async fn a_token_saved_just_before_the_lease_is_taken_is_used_not_fetched_again() {
        // Another instance fetched, saved and let go after this caller
        // looked at the store and found nothing.
        let store = MemoryTokenStore::default();
        let saved = AccessToken {
            value: SecretString::from("fetched by the other"),
            expires_at: Utc::now() + chrono::Duration::hours(2),
        };
        store.save("app", &saved).await.unwrap();
        let ttl = Duration::from_secs(5);
        let turn = take_turn(&store, "app", "me", ttl).await.unwrap();
        assert!(matches!(turn, Turn::Fetched(_)), "no second fetch");
        let until = Utc::now() + chrono::Duration::seconds(5);
        assert!(
            store.try_lease("app", "another", until).await.unwrap(),
            "the lease was let go"
        );
    }
}
