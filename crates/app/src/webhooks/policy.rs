//! How deliveries are made (the `[webhooks]` settings).
use std::time::Duration;

/// `XHSPUB__WEBHOOKS__…`: see the server's settings for each value.
#[derive(Debug, Clone)]
pub struct WebhookPolicy {
    /// One attempt's timeout (connect to last byte).
    pub timeout: Duration,
    /// The waits before each retry; when they run out the delivery is `failed`.
    pub retry_schedule: Vec<Duration>,
    /// Private addresses and plain http are allowed (intranets, tests).
    pub allow_private: bool,
    /// How long a worker holds a delivery it sends; longer than `timeout`.
    pub lease: Duration,
    /// At most this many deliveries to one endpoint at once.
    pub per_endpoint: usize,
    /// At most this many deliveries claimed per step.
    pub batch: u64,
    /// An endpoint whose every attempt failed for this long is disabled.
    pub disable_after: chrono::Duration,
}

impl Default for WebhookPolicy {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            retry_schedule: [5, 300, 1800, 7200, 18000, 36000, 36000]
                .into_iter()
                .map(Duration::from_secs)
                .collect(),
            allow_private: false,
            lease: Duration::from_secs(60),
            per_endpoint: 4,
            batch: 50,
            disable_after: chrono::Duration::days(5),
        }
    }
}

/// Parses `5,300,1800`: seconds between attempts.
pub fn parse_schedule(s: &str) -> Result<Vec<Duration>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 30.0 * 86400.0)
                .map(Duration::from_secs_f64)
                .ok_or_else(|| format!("'{p}' is not a number of seconds"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_schedule_is_seconds_separated_by_commas() {
        let d = parse_schedule("5,300, 1800").unwrap();
        assert_eq!(d, [5, 300, 1800].map(Duration::from_secs));
        assert_eq!(parse_schedule("0.2").unwrap(), [Duration::from_millis(200)]);
        assert!(parse_schedule("5,x").is_err());
        assert!(parse_schedule("").unwrap().is_empty());
    }
}
