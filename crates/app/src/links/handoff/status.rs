//! What the console says about each platform before a phone does: its
//! hand-off now, whether the server has its credentials, and how the last
//! token fetch went (XHS and Douyin). The outcome is read where the app asks
//! the signer for a token, so the signing crate stays as it is.
use super::configured;
use crate::Services;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;
use strum::IntoEnumIterator;
use utoipa::ToSchema;
use xhs_domain::{Handoff, SharePlatform};
use xhs_signing::SigningError;

/// Why the last token fetch failed: a stable code, never the platform's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenFailure {
    /// The platform refused (wrong credentials, app not approved).
    PlatformRejected,
    /// It did not answer in time.
    PlatformTimeout,
    /// It could not be reached or answered something unreadable.
    PlatformUnavailable,
}

/// The outcome of the last time this instance needed a platform's token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct TokenCheck {
    pub ok: bool,
    pub checked_at: DateTime<Utc>,
    /// Why it failed; null when it worked.
    pub error: Option<TokenFailure>,
}

/// The last token outcome per platform, in this process's memory (a restart
/// forgets it; the next page that needs a token records it again).
#[derive(Debug, Default)]
pub struct TokenHealth(Mutex<HashMap<SharePlatform, TokenCheck>>);

impl TokenHealth {
    /// Records the outcome of asking `platform`'s signer for a token. Outcomes
    /// that say nothing about the platform (no credentials, the shared token
    /// store failing) are not recorded.
    pub fn record<T>(&self, platform: SharePlatform, outcome: &Result<T, SigningError>) {
        let error = match outcome {
            Ok(_) => None,
            Err(SigningError::Rejected { .. } | SigningError::NoToken { .. }) => {
                Some(TokenFailure::PlatformRejected)
            }
            Err(SigningError::Timeout) => Some(TokenFailure::PlatformTimeout),
            Err(SigningError::Transport(_)) => Some(TokenFailure::PlatformUnavailable),
            Err(SigningError::NotConfigured | SigningError::Store(_)) => return,
        };
        let check = TokenCheck {
            ok: error.is_none(),
            checked_at: Utc::now(),
            error,
        };
        if let Ok(mut map) = self.0.lock() {
            map.insert(platform, check);
        }
    }

    /// The last outcome for `platform`, if any.
    pub fn last(&self, platform: SharePlatform) -> Option<TokenCheck> {
        self.0.lock().ok().and_then(|m| m.get(&platform).cloned())
    }
}

/// One platform as the console should present it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlatformStatus {
    pub platform: SharePlatform,
    /// What a phone gets now: XHS without credentials gets the copy kit.
    pub handoff: Handoff,
    /// The server has the credentials this platform's hand-off needs
    /// (XHS: app key and secret; Douyin: client key and secret).
    pub configured: bool,
    /// The last token fetch (XHS and Douyin); null when never fetched by this
    /// instance or not applicable.
    pub token: Option<TokenCheck>,
}

/// The hand-off a phone gets for `p` on this server now.
pub fn handoff_now(s: &Services, p: SharePlatform) -> Handoff {
    match p {
        SharePlatform::Xhs if !configured(s, p) => Handoff::CopyKit,
        _ => p.handoff(),
    }
}

/// Every platform, in the server's order.
pub fn list(s: &Services) -> Vec<PlatformStatus> {
    SharePlatform::iter()
        .map(|p| PlatformStatus {
            platform: p,
            handoff: handoff_now(s, p),
            configured: configured(s, p),
            token: match p {
                SharePlatform::Xhs | SharePlatform::Douyin => s.token_health.last(p),
                _ => None,
            },
        })
        .collect()
}
