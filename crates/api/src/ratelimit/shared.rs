//! Limits shared by every instance through Redis, so N instances allow a
//! quota once. The algorithm and its one atomic round trip are
//! actix-extensible-rate-limit's `RedisBackend` (a fixed window: the first
//! call on a key starts a minute, each call counts, the key expires with the
//! minute); this module only connects, bounds each call by a timeout and
//! says when Redis could not answer, so the caller can fall back.
use crate::shared_redis::{BadRedisUrl, Redis};
use crate::state::RedisSettings;
use actix_extensible_rate_limit::backend::redis::RedisBackend;
use actix_extensible_rate_limit::backend::{Backend, Decision, SimpleInput};
use std::time::Duration;

const WINDOW: Duration = Duration::from_secs(60);

pub struct SharedLimiter {
    redis: Redis,
}

impl SharedLimiter {
    pub fn new(s: &RedisSettings) -> Result<Self, BadRedisUrl> {
        Ok(Self {
            redis: Redis::new(s, "rate limits count in this process only")?,
        })
    }

    /// Counts one call on `key` of the limit `name` (so many per minute).
    /// `None` when Redis did not answer in time: the caller decides alone.
    pub async fn check(
        &self,
        name: &str,
        key: &str,
        per_minute: u32,
    ) -> Option<Result<(), Duration>> {
        let input = SimpleInput {
            interval: WINDOW,
            max_requests: u64::from(per_minute.max(1)),
            key: format!("{name}:{key}"),
        };
        let prefix = &self.redis.prefix;
        let (decision, out, _) = self
            .redis
            .run(|manager| async move {
                let backend = RedisBackend::builder(manager)
                    .key_prefix(Some(prefix))
                    .build();
                backend.request(input).await.map_err(|e| format!("{e}"))
            })
            .await?;
        Some(match decision {
            Decision::Allowed => Ok(()),
            Decision::Denied => Err(wait_until(out.reset)),
        })
    }
}

/// The window's TTL is whole seconds, rounded: one more second (never past
/// the window) so a client that waits Retry-After finds the new window.
fn wait_until(reset: tokio::time::Instant) -> Duration {
    let left = reset.saturating_duration_since(tokio::time::Instant::now());
    (left + Duration::from_secs(1)).min(WINDOW)
}
