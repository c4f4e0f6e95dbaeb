//! Rate limits of the public share endpoints (per client address and per link
//! token) and of login attempts (per client address). With `redis.url` set
//! every instance counts in Redis, so N instances allow a quota once; without
//! it, or while Redis does not answer, each process counts alone (governor).
mod local;
mod shared;

use crate::client_ip::ClientAddress;
use crate::state::ShareSettings;
use crate::ApiError;
use actix_web::HttpRequest;
use local::LocalLimiter;
use sha2::{Digest, Sha256};
use shared::SharedLimiter;

pub use crate::shared_redis::BadRedisUrl;

/// One limit: its name in Redis keys, its quota and its in-process counter.
struct Limit {
    name: &'static str,
    per_minute: u32,
    local: LocalLimiter,
}

impl Limit {
    fn new(name: &'static str, per_minute: u32) -> Self {
        Self {
            name,
            per_minute,
            local: LocalLimiter::per_minute(per_minute),
        }
    }
}

pub struct ShareLimits {
    per_client: Limit,
    per_token: Limit,
    login: Limit,
    clients: ClientAddress,
    shared: Option<SharedLimiter>,
}

impl ShareLimits {
    pub fn new(s: &ShareSettings) -> Result<Self, BadRedisUrl> {
        Ok(Self {
            per_client: Limit::new("share:client", s.per_client_per_minute),
            per_token: Limit::new("share:token", s.per_token_per_minute),
            login: Limit::new("login", s.login_per_minute),
            clients: ClientAddress {
                trust_forwarded_for: s.trust_forwarded_for,
                trusted_proxies: s.trusted_proxies.clone(),
            },
            shared: s.redis.as_ref().map(SharedLimiter::new).transpose()?,
        })
    }

    /// The client's address: the TCP peer, or the forwarding headers' when trusted.
    pub fn client(&self, req: &HttpRequest) -> String {
        self.clients.of(req)
    }

    /// One login attempt from this client; slows password guessing down.
    pub async fn check_login(&self, req: &HttpRequest) -> Result<(), ApiError> {
        self.count(&self.login, &self.client(req)).await
    }

    /// One call by this client on this token; 429 with the wait when over either limit.
    pub async fn check(&self, req: &HttpRequest, token: &str) -> Result<(), ApiError> {
        self.count(&self.per_client, &self.client(req)).await?;
        self.count(&self.per_token, &token_key(token)).await
    }

    /// A share token that does not exist, guessed by this client: it
    /// counts against the client's public limit like a call on a link.
    pub async fn miss(&self, req: &HttpRequest) -> Result<(), ApiError> {
        self.count(&self.per_client, &self.client(req)).await
    }

    async fn count(&self, limit: &Limit, key: &str) -> Result<(), ApiError> {
        let shared = match &self.shared {
            Some(s) => s.check(limit.name, key, limit.per_minute).await,
            None => None,
        };
        shared
            .unwrap_or_else(|| limit.local.check(key))
            .map_err(|wait| ApiError::RateLimited(ceil_secs(wait)))
    }

    /// Drops idle keys so the in-process maps do not grow without bound.
    pub fn forget_idle(&self) {
        self.per_client.local.forget_idle();
        self.per_token.local.forget_idle();
        self.login.local.forget_idle();
    }
}

/// A link token's key: a digest, so neither Redis nor its dumps hold tokens.
fn token_key(token: &str) -> String {
    hex::encode(&Sha256::digest(token.as_bytes())[..16])
}

/// Whole seconds to wait, rounded up: a client that waits what Retry-After
/// says must not be refused again (at least 1).
fn ceil_secs(d: std::time::Duration) -> u64 {
    let whole = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    whole.max(1)
}

#[cfg(test)]
mod tests {
    use super::{ceil_secs, token_key};
    use std::time::Duration;

    #[test]
    fn retry_after_is_rounded_up_never_down() {
        assert_eq!(ceil_secs(Duration::from_millis(1500)), 2);
        assert_eq!(ceil_secs(Duration::from_millis(59_001)), 60);
        assert_eq!(ceil_secs(Duration::from_secs(3)), 3);
        assert_eq!(ceil_secs(Duration::ZERO), 1);
    }

    #[test]
    fn a_redis_url_that_does_not_parse_is_refused_without_repeating_it() {
        let s = crate::ShareSettings {
            redis: Some(crate::RedisSettings {
                url: secrecy::SecretString::from("http://:hunter2@cache:6379"),
                key_prefix: "xhspub".into(),
                timeout: Duration::from_millis(500),
            }),
            ..Default::default()
        };
        let Err(e) = super::ShareLimits::new(&s) else {
            panic!("an http URL is not a Redis URL");
        };
        assert!(!e.to_string().contains("hunter2"));
    }

    #[test]
    fn a_token_key_does_not_carry_the_token() {
        let token = "Zm9vYmFyYmF6cXV4cXV1eDEyMzQ";
        let key = token_key(token);
        assert_eq!(key.len(), 32);
        assert!(!key.contains(token));
        assert_eq!(key, token_key(token), "stable across instances");
    }
}
