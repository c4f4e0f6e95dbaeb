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
            return Ok(Turn::Fetch);
        }
        tokio::time::sleep(POLL).await;
        if let Some(token) = store
            .load(app_key)
            .await?
            .filter(|t| t.is_fresh(Utc::now()))
        {
            tracing::debug!("XHS access token fetched by another instance");
            return Ok(Turn::Fetched(token));
        }
        if tokio::time::Instant::now() >= give_up {
            // The holder neither saved a token nor let go in time.
            tracing::warn!("XHS token lease not released in time; fetching anyway");
            return Ok(Turn::Fetch);
        }
    }
}
