use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use xhs_fakes::FakeXhs;
use xhs_signing::{MemoryTokenStore, SecretString, Signer, TokenStore, XhsConfig};

pub const APP_KEY: &str = "red.testAppKey";
pub const APP_SECRET: &str = "app-secret-that-must-never-print";
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// A fake XHS and a signer configured for it.
pub struct TestApp {
    pub fake: FakeXhs,
    pub store: Arc<MemoryTokenStore>,
    pub signer: Arc<Signer>,
}

pub async fn spawn_app() -> TestApp {
    let fake = FakeXhs::start(APP_KEY, APP_SECRET).await;
    let store = Arc::new(MemoryTokenStore::default());
    let signer = Arc::new(signer_for(
        &fake.base_url(),
        APP_SECRET,
        TIMEOUT,
        store.clone(),
    ));
    TestApp {
        fake,
        store,
        signer,
    }
}

pub fn config(base_url: &str, app_secret: &str, timeout: Duration) -> XhsConfig {
    XhsConfig {
        app_key: APP_KEY.to_owned(),
        app_secret: SecretString::from(app_secret),
        api_base: url::Url::parse(base_url).unwrap(),
        timeout,
    }
}

pub fn signer_for(
    base_url: &str,
    app_secret: &str,
    timeout: Duration,
    store: Arc<dyn TokenStore>,
) -> Signer {
    Signer::new(Some(config(base_url, app_secret, timeout)), store)
}

/// Asserts `at` is within a minute of `now + 24h`.
pub fn assert_about_a_day_from_now(at: DateTime<Utc>) {
    let expected = Utc::now() + TimeDelta::days(1);
    let off = (at - expected).num_seconds().abs();
    assert!(off < 60, "expires_at {at} is {off}s away from {expected}");
}

/// A port on 127.0.0.1 that nothing listens on.
pub fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}
