//! The `[metrics]` section: who may read `GET /metrics` without a session.
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// `XHSPUB__METRICS__TOKEN` and `XHSPUB__METRICS__ALLOW`; with neither,
/// `/metrics` answers 404.
#[derive(Debug, Deserialize)]
pub struct MetricsSettings {
    /// A bearer token for the scraper; never logged or returned.
    pub token: Option<SecretString>,
    /// CIDRs (or bare addresses) of scrapers that need no token, as the
    /// client-address rules (`server.trusted_proxies`) see them.
    #[serde(default)]
    pub allow: Vec<String>,
}

impl MetricsSettings {
    /// What the HTTP layer checks; an empty token counts as unset.
    pub fn access(&self) -> anyhow::Result<xhs_api::MetricsSettings> {
        let allow = self
            .allow
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<ipnet::IpNet>()
                    .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| {
                        anyhow::anyhow!("metrics.allow: '{p}' is not a CIDR or an address")
                    })
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(xhs_api::MetricsSettings {
            token: self
                .token
                .clone()
                .filter(|t| !t.expose_secret().trim().is_empty()),
            allow,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn allow_takes_cidrs_and_addresses_and_refuses_names() {
        let m = MetricsSettings {
            token: Some(SecretString::from(" ")),
            allow: vec!["10.0.0.0/8".into(), " 127.0.0.1 ".into(), String::new()],
        };
        let a = m.access().unwrap();
        assert_eq!(a.allow.len(), 2);
        assert!(a.token.is_none(), "a blank token is no token");
        let bad = MetricsSettings {
            token: None,
            allow: vec!["prometheus.local".into()],
        };
        assert!(bad.access().is_err());
    }
}
