//! Limits shared by every instance through Redis, so N instances allow a
//! quota once. The algorithm and its one atomic round trip are
//! actix-extensible-rate-limit's `RedisBackend` (a fixed window: the first
//! call on a key starts a minute, each call counts, the key expires with the
//! minute); this module only connects, bounds each call by a timeout and
//! says when Redis could not answer, so the caller can fall back.
use crate::state::RedisSettings;
use actix_extensible_rate_limit::backend::redis::RedisBackend;
use actix_extensible_rate_limit::backend::{Backend, Decision, SimpleInput};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use secrecy::ExposeSecret;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

/// After Redis failed, calls skip it for this long (they use the in-process
/// limiter at once instead of each waiting for a lost server).
const PAUSE_AFTER_FAILURE: Duration = Duration::from_secs(5);
/// At most one warning about a failing Redis in this long.
const WARN_EVERY: Duration = Duration::from_secs(60);
const WINDOW: Duration = Duration::from_secs(60);

pub struct SharedLimiter {
    client: redis::Client,
    prefix: String,
    timeout: Duration,
    /// Made on first use, so a server starts while Redis is down; the
    /// connection manager reconnects by itself after that.
    backend: OnceCell<RedisBackend>,
    health: Mutex<Health>,
}

#[derive(Default)]
struct Health {
    skip_until: Option<Instant>,
    warned_at: Option<Instant>,
}

/// `redis.url` does not parse (the message never repeats the URL: it may hold a password).
#[derive(Debug, thiserror::Error)]
#[error("redis.url is not a Redis URL (redis://[:password@]host[:port][/db])")]
pub struct BadRedisUrl;

impl SharedLimiter {
    pub fn new(s: &RedisSettings) -> Result<Self, BadRedisUrl> {
        let client = redis::Client::open(s.url.expose_secret()).map_err(|_| BadRedisUrl)?;
        Ok(Self {
            client,
            prefix: format!("{}:", s.key_prefix.trim_end_matches(':')),
            timeout: s.timeout,
            backend: OnceCell::new(),
            health: Mutex::default(),
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
        if self.paused() {
            return None;
        }
        let input = SimpleInput {
            interval: WINDOW,
            max_requests: u64::from(per_minute.max(1)),
            key: format!("{name}:{key}"),
        };
        let asked = async {
            let backend = self.backend.get_or_try_init(|| self.connect()).await?;
            backend.request(input).await.map_err(|e| format!("{e}"))
        };
        match tokio::time::timeout(self.timeout, asked).await {
            Ok(Ok((Decision::Allowed, _, _))) => Some(Ok(())),
            Ok(Ok((Decision::Denied, out, _))) => Some(Err(wait_until(out.reset))),
            Ok(Err(e)) => self.failed(&e),
            Err(_) => self.failed("no answer in time"),
        }
    }

    async fn connect(&self) -> Result<RedisBackend, String> {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(self.timeout)
            .set_response_timeout(self.timeout)
            .set_number_of_retries(2);
        let manager = ConnectionManager::new_with_config(self.client.clone(), config)
            .await
            .map_err(|e| format!("{e}"))?;
        Ok(RedisBackend::builder(manager)
            .key_prefix(Some(&self.prefix))
            .build())
    }

    fn paused(&self) -> bool {
        let h = self.health.lock().unwrap_or_else(PoisonError::into_inner);
        h.skip_until.is_some_and(|t| Instant::now() < t)
    }

    /// Pauses Redis for a while and warns, at most once a minute. `why` is
    /// the client's error, which names no URL and no password.
    fn failed<T>(&self, why: &str) -> Option<T> {
        let now = Instant::now();
        let mut h = self.health.lock().unwrap_or_else(PoisonError::into_inner);
        h.skip_until = Some(now + PAUSE_AFTER_FAILURE);
        if h.warned_at
            .is_none_or(|t| now.duration_since(t) >= WARN_EVERY)
        {
            h.warned_at = Some(now);
            tracing::warn!(error = %why, "Redis did not answer: rate limits count in this process only until it does");
        }
        None
    }
}

/// The window's TTL is whole seconds, rounded: one more second (never past
/// the window) so a client that waits Retry-After finds the new window.
fn wait_until(reset: tokio::time::Instant) -> Duration {
    let left = reset.saturating_duration_since(tokio::time::Instant::now());
    (left + Duration::from_secs(1)).min(WINDOW)
}
