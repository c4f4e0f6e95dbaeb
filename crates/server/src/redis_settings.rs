//! The `[redis]` section: where several instances share their rate limits.
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::time::Duration;

/// `XHSPUB__REDIS__URL=redis://…`; unset, each instance counts alone.
/// `Debug` shows no password (`SecretString`).
#[derive(Debug, Deserialize)]
pub struct RedisSettings {
    /// `redis://[:password@]host[:port][/db]`; unset or empty: no Redis.
    pub url: Option<SecretString>,
    /// Prepended to every key, so deployments can share one Redis.
    pub key_prefix: String,
    /// How long one rate-limit call may take before the instance counts alone.
    pub timeout_ms: u64,
}

impl RedisSettings {
    /// What the HTTP layer needs, when a URL is set.
    pub fn limits(&self) -> Option<xhs_api::RedisSettings> {
        let url = self
            .url
            .as_ref()
            .filter(|u| !u.expose_secret().trim().is_empty())?;
        Some(xhs_api::RedisSettings {
            url: SecretString::from(url.expose_secret().trim()),
            key_prefix: self.key_prefix.clone(),
            timeout: Duration::from_millis(self.timeout_ms.max(10)),
        })
    }

    /// The URL with any password replaced, for the start-up log.
    pub fn redacted_url(&self) -> Option<String> {
        let url = self.limits()?.url;
        Some(match url::Url::parse(url.expose_secret()) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("***"));
                u.to_string()
            }
            Ok(u) => u.to_string(),
            Err(_) => "(not a URL)".to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn with_url(url: Option<&str>) -> RedisSettings {
        RedisSettings {
            url: url.map(SecretString::from),
            key_prefix: "xhspub".into(),
            timeout_ms: 500,
        }
    }

    #[test]
    fn unset_or_empty_means_no_redis() {
        assert!(with_url(None).limits().is_none());
        assert!(with_url(Some("  ")).limits().is_none());
        assert!(with_url(Some("redis://127.0.0.1:6379")).limits().is_some());
    }

    #[test]
    fn the_password_never_shows() {
        let s = with_url(Some("redis://:hunter2@cache.internal:6379/0"));
        assert!(!format!("{s:?}").contains("hunter2"));
        let shown = s.redacted_url().unwrap();
        assert!(!shown.contains("hunter2") && shown.contains("cache.internal"));
        assert_eq!(
            with_url(Some("no url")).redacted_url().unwrap(),
            "(not a URL)"
        );
    }
}
