//! More than one instance: two servers on one database (the backend
//! TEST_DATABASE names) and one Redis (TEST_REDIS_URL, by default
//! redis://127.0.0.1:6379) share their rate limits, the XHS token and a
//! revocation. Each test counts under a Redis key prefix of its own.
mod fallback;
mod limits;
mod logins;
mod shared_state;

use crate::helpers::{spawn_app_with, Options, TestApp};
use std::time::Duration;
use xhs_api::{RedisSettings, ShareSettings};
use xhs_signing::SecretString;

pub fn redis_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".into())
}

/// `share`, counted in Redis at `url` under a fresh key prefix.
pub fn in_redis(url: &str, share: ShareSettings) -> ShareSettings {
    ShareSettings {
        redis: Some(RedisSettings {
            url: SecretString::from(url),
            key_prefix: format!("xhspub-test-{}", uuid::Uuid::new_v4().simple()),
            // Generous: a loaded CI machine must not make a call time out
            // and the instance count alone by accident.
            timeout: Duration::from_secs(3),
        }),
        ..share
    }
}

/// A first instance, and a second one on its database, its fake XHS and
/// its Redis key prefix (both with the same limits).
pub async fn two_instances(share: ShareSettings) -> (TestApp, TestApp) {
    let first = spawn_app_with(Options {
        share: share.clone(),
        ..Options::default()
    })
    .await;
    let second = spawn_app_with(Options {
        share,
        database_url: Some(first.db_url.clone()),
        xhs_api_base: Some(first.fake.base_url()),
        ..Options::default()
    })
    .await;
    (first, second)
}
