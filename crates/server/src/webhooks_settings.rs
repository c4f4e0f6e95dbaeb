//! The `[webhooks]` section: how signed webhook deliveries are made.
use serde::Deserialize;
use std::time::Duration;
use xhs_app::webhooks::{parse_schedule, WebhookPolicy};

/// `XHSPUB__WEBHOOKS__TIMEOUT_MS`, `…__RETRY_SCHEDULE_SECS`, `…__ALLOW_PRIVATE`, …
#[derive(Debug, Deserialize)]
pub struct WebhooksSettings {
    /// One attempt's timeout.
    pub timeout_ms: u64,
    /// Seconds before each retry, comma-separated; then the delivery is `failed`.
    pub retry_schedule_secs: String,
    /// Accept private addresses and plain http (intranets, tests); off, only
    /// https URLs on public addresses, checked again after each resolution.
    pub allow_private: bool,
    /// How long a worker holds a delivery it sends (above `timeout_ms`).
    pub lease_ms: u64,
    /// How often the worker looks for due deliveries.
    pub tick_ms: u64,
    /// At most this many deliveries to one endpoint at once.
    pub per_endpoint: usize,
    /// An endpoint that failed every delivery for this many hours is disabled.
    pub disable_after_hours: i64,
}

impl WebhooksSettings {
    pub fn policy(&self) -> anyhow::Result<WebhookPolicy> {
        let retry_schedule = parse_schedule(&self.retry_schedule_secs)
            .map_err(|e| anyhow::anyhow!("webhooks.retry_schedule_secs: {e}"))?;
        anyhow::ensure!(
            (100..=120_000).contains(&self.timeout_ms),
            "webhooks.timeout_ms is {}; use 100 to 120000",
            self.timeout_ms
        );
        anyhow::ensure!(
            self.lease_ms > self.timeout_ms,
            "webhooks.lease_ms ({}) must exceed webhooks.timeout_ms ({})",
            self.lease_ms,
            self.timeout_ms
        );
        anyhow::ensure!(
            (1..=64).contains(&self.per_endpoint),
            "webhooks.per_endpoint is {}; use 1 to 64",
            self.per_endpoint
        );
        Ok(WebhookPolicy {
            timeout: Duration::from_millis(self.timeout_ms),
            retry_schedule,
            allow_private: self.allow_private,
            lease: Duration::from_millis(self.lease_ms),
            per_endpoint: self.per_endpoint,
            batch: 50,
            disable_after: chrono::Duration::hours(self.disable_after_hours.max(1)),
        })
    }

    pub fn tick(&self) -> Duration {
        Duration::from_millis(self.tick_ms.max(20))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn the_defaults_are_the_issues() {
        let s = crate::Settings::load(None).unwrap();
        let p = s.webhooks.policy().unwrap();
        let d = xhs_app::webhooks::WebhookPolicy::default();
        assert_eq!(p.timeout, d.timeout);
        assert_eq!(p.retry_schedule, d.retry_schedule);
        assert!(!p.allow_private);
        assert_eq!(p.disable_after, chrono::Duration::days(5));
    }
}
