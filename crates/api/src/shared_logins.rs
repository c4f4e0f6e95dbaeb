//! Failed logins counted in Redis, so that every instance sees every
//! attempt (the rules are `xhs_app::team::login_guard`'s): per username and
//! client address a count that locks after `lock_after`, and per username a
//! count over `lock_for` from its first failure that slows after
//! `slow_after`. Keys name a hash of the username and address, not the text
//! typed.
use crate::shared_redis::{BadRedisUrl, Redis};
use crate::state::RedisSettings;
use sha2::{Digest, Sha256};
use xhs_app::team::login_guard::{Admission, GuardPolicy, SharedCounts};

pub struct RedisLogins {
    redis: Redis,
    policy: GuardPolicy,
}

impl RedisLogins {
    pub fn new(s: &RedisSettings, policy: GuardPolicy) -> Result<Self, BadRedisUrl> {
        let redis = Redis::new(s, "login failures count in this process only")?;
        Ok(Self { redis, policy })
    }

    fn key(&self, kind: &str, parts: &[&str]) -> String {
        let mut hash = Sha256::new();
        for part in parts {
            hash.update(part.as_bytes());
            hash.update([0]);
        }
        format!(
            "{}login-guard:{kind}:{:x}",
            self.redis.prefix,
            hash.finalize()
        )
    }

    fn window_ms(&self) -> u64 {
        u64::try_from(self.policy.lock_for.as_millis())
            .unwrap_or(u64::MAX)
            .max(1)
    }
}

fn text(e: redis::RedisError) -> String {
    format!("{e}")
}

#[async_trait::async_trait]
impl SharedCounts for RedisLogins {
    async fn admit(&self, name: &str, client: &str) -> Option<Admission> {
        let (lock, count) = (self.key("lock", &[name, client]), self.key("name", &[name]));
        let policy = self.policy;
        self.redis
            .run(|mut c| async move {
                let (lock_ms, failures): (i64, Option<u32>) = redis::pipe()
                    .cmd("PTTL")
                    .arg(&lock)
                    .cmd("GET")
                    .arg(&count)
                    .query_async(&mut c)
                    .await
                    .map_err(text)?;
                Ok(if lock_ms > 0 {
                    Admission::Locked(u64::try_from(lock_ms).unwrap_or(1).div_ceil(1000))
                } else if failures.unwrap_or(0) >= policy.slow_after {
                    Admission::Slowed(policy.slow_by)
                } else {
                    Admission::Go
                })
            })
            .await
    }

    async fn failed(&self, name: &str, client: &str) -> Option<()> {
        let (pair, lock, count) = (
            self.key("pair", &[name, client]),
            self.key("lock", &[name, client]),
            self.key("name", &[name]),
        );
        let (ms, lock_after) = (self.window_ms(), self.policy.lock_after);
        self.redis
            .run(|mut c| async move {
                // The name's window starts at its first failure (SET NX keeps
                // it; INCR keeps the expiry); the pair's restarts with each.
                let (in_a_row,): (u32,) = redis::pipe()
                    .atomic()
                    .cmd("SET")
                    .arg(&count)
                    .arg(0)
                    .arg("NX")
                    .arg("PX")
                    .arg(ms)
                    .ignore()
                    .cmd("INCR")
                    .arg(&count)
                    .ignore()
                    .cmd("INCR")
                    .arg(&pair)
                    .cmd("PEXPIRE")
                    .arg(&pair)
                    .arg(ms)
                    .ignore()
                    .query_async(&mut c)
                    .await
                    .map_err(text)?;
                if in_a_row >= lock_after {
                    redis::pipe()
                        .atomic()
                        .cmd("SET")
                        .arg(&lock)
                        .arg(1)
                        .arg("PX")
                        .arg(ms)
                        .ignore()
                        .cmd("DEL")
                        .arg(&pair)
                        .ignore()
                        .query_async::<()>(&mut c)
                        .await
                        .map_err(text)?;
                }
                Ok(())
            })
            .await
    }

    async fn succeeded(&self, name: &str, client: &str) -> Option<()> {
        let pair = self.key("pair", &[name, client]);
        self.redis
            .run(|mut c| async move {
                redis::cmd("DEL")
                    .arg(&pair)
                    .query_async::<()>(&mut c)
                    .await
                    .map_err(text)
            })
            .await
    }
}
