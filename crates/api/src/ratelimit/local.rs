//! The in-process limiters: governor's keyed GCRA, shared by this process's
//! workers only. Alone when no Redis is configured; the fallback when it is
//! and does not answer.
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::time::Duration;

/// One limit: so many calls per minute for each key.
pub struct LocalLimiter(DefaultKeyedRateLimiter<String>);

impl LocalLimiter {
    pub fn per_minute(n: u32) -> Self {
        let n = NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN);
        Self(RateLimiter::keyed(Quota::per_minute(n)))
    }

    /// Counts one call on `key`; `Err` holds how long to wait when over the limit.
    pub fn check(&self, key: &str) -> Result<(), Duration> {
        self.0
            .check_key(&key.to_owned())
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    /// Drops idle keys so the map does not grow without bound.
    pub fn forget_idle(&self) {
        self.0.retain_recent();
    }
}
