//! The one connection to Redis an instance keeps (shared rate limits, the
//! share-link cache's generation): made on first use, so a server starts while
//! Redis is down; every call bounded by `redis.timeout_ms`; after a failure,
//! calls skip Redis for a while so a lost server costs no waiting, and one
//! warning a minute says what now works without it.
use crate::state::RedisSettings;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use secrecy::ExposeSecret;
use std::future::Future;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

/// After Redis failed, calls skip it for this long.
const PAUSE_AFTER_FAILURE: Duration = Duration::from_secs(5);
/// At most one warning about a failing Redis in this long.
const WARN_EVERY: Duration = Duration::from_secs(60);

/// `redis.url` does not parse (the message never repeats the URL: it may hold a password).
#[derive(Debug, thiserror::Error)]
#[error("redis.url is not a Redis URL (redis://[:password@]host[:port][/db])")]
pub struct BadRedisUrl;

pub struct Redis {
    client: redis::Client,
    /// `{key_prefix}:`, prepended to every key.
    pub prefix: String,
    timeout: Duration,
    manager: OnceCell<ConnectionManager>,
    health: Mutex<Health>,
    /// What works without Redis, for the warning (e.g. "rate limits count in
    /// this process only").
    fallback: &'static str,
}

#[derive(Default)]
struct Health {
    skip_until: Option<Instant>,
    warned_at: Option<Instant>,
}

impl Redis {
    pub fn new(s: &RedisSettings, fallback: &'static str) -> Result<Self, BadRedisUrl> {
        let client = redis::Client::open(s.url.expose_secret()).map_err(|_| BadRedisUrl)?;
        Ok(Self {
            client,
            prefix: format!("{}:", s.key_prefix.trim_end_matches(':')),
            timeout: s.timeout,
            manager: OnceCell::new(),
            health: Mutex::default(),
            fallback,
        })
    }

    /// Runs `call` on the connection within the timeout; None when Redis
    /// did not answer (or is paused after a failure): the caller goes on alone.
    pub async fn run<T, F, Fut>(&self, call: F) -> Option<T>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: Future<Output = Result<T, String>>,
    {
        if self.paused() {
            return None;
        }
        let asked = async {
            let manager = self.manager.get_or_try_init(|| self.connect()).await?;
            call(manager.clone()).await
        };
        match tokio::time::timeout(self.timeout, asked).await {
            Ok(Ok(v)) => Some(v),
            Ok(Err(e)) => self.failed(&e),
            Err(_) => self.failed("no answer in time"),
        }
    }

    async fn connect(&self) -> Result<ConnectionManager, String> {
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(self.timeout)
            .set_response_timeout(self.timeout)
            .set_number_of_retries(2);
        ConnectionManager::new_with_config(self.client.clone(), config)
            .await
            .map_err(|e| format!("{e}"))
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
            tracing::warn!(error = %why, "Redis did not answer: {} until it does", self.fallback);
        }
        None
    }
}

/// The share-link cache's generation in Redis: one counter every instance
/// reads before it serves a cached link and bumps after a write.
pub struct RedisGeneration {
    redis: Redis,
    key: String,
}

impl RedisGeneration {
    pub fn new(s: &RedisSettings) -> Result<Self, BadRedisUrl> {
        let redis = Redis::new(s, "share links are read from the database each time")?;
        let key = format!("{}links:generation", redis.prefix);
        Ok(Self { redis, key })
    }
}

#[async_trait::async_trait]
impl xhs_app::links::cache::Generation for RedisGeneration {
    async fn current(&self) -> Option<u64> {
        self.redis
            .run(|mut c| async move {
                redis::cmd("GET")
                    .arg(&self.key)
                    .query_async::<Option<u64>>(&mut c)
                    .await
                    .map(Option::unwrap_or_default)
                    .map_err(|e| format!("{e}"))
            })
            .await
    }

    async fn bump(&self) {
        let done = self
            .redis
            .run(|mut c| async move {
                redis::cmd("INCR")
                    .arg(&self.key)
                    .query_async::<u64>(&mut c)
                    .await
                    .map_err(|e| format!("{e}"))
            })
            .await;
        if done.is_none() {
            tracing::warn!("the share-link cache's generation could not be bumped in Redis: other instances may serve the old link for up to cache.link_ttl_ms");
        }
    }
}
