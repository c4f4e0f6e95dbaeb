//! What a bearer token stands for once resolved: a user's session or an API
//! token, and how tokens are kept (only as their SHA-256). A leaf of the
//! team feature: logins (`auth`) and API tokens (`api_tokens`) both make
//! sessions; neither needs the other.
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use xhs_domain::{ActorKind, Role};

/// Who is behind a bearer token: a user's live session or an API token.
#[derive(Debug, Clone)]
pub struct Session {
    /// The actor's name: the user's, or `token:<name>` for an API token.
    pub username: String,
    /// What it may do.
    pub role: Role,
    pub kind: ActorKind,
    /// SHA-256 of the bearer token: what logout deletes.
    pub token_hash: String,
    /// When the session ends (an API token without expiry: [`never`]).
    pub expires_at: DateTime<Utc>,
}

/// The end of a session that does not end (an API token without expiry):
/// 9999-12-31T23:59:59Z.
pub fn never() -> DateTime<Utc> {
    use chrono::TimeZone;
    Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59)
        .single()
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// SHA-256 of a bearer token, hex.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
