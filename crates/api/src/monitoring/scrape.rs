//! `GET /metrics`: the Prometheus text format, for a scraper rather than an
//! operator. Not in the OpenAPI document: it is not JSON, not part of the
//! API an integrator programs against, and its access is neither a session
//! nor a role but `metrics.token` (a bearer token, compared in constant
//! time) or `metrics.allow` (the scraper's addresses). With neither set it
//! does not exist (404), so nothing is exposed by default.
use crate::{ApiError, AppState};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use ipnet::IpNet;
use secrecy::{ExposeSecret, SecretString};
use std::net::IpAddr;
use subtle::ConstantTimeEq;

/// Who may scrape without a session (`[metrics]`).
#[derive(Debug, Clone, Default)]
pub struct MetricsSettings {
    /// `XHSPUB__METRICS__TOKEN`: sent as `Authorization: Bearer …`.
    pub token: Option<SecretString>,
    /// `XHSPUB__METRICS__ALLOW`: client addresses that need no token.
    pub allow: Vec<IpNet>,
}

impl MetricsSettings {
    fn enabled(&self) -> bool {
        self.token.is_some() || !self.allow.is_empty()
    }

    fn token_matches(&self, given: &str) -> bool {
        self.token.as_ref().is_some_and(|t| {
            let ours = t.expose_secret().as_bytes();
            ours.len() == given.len() && bool::from(ours.ct_eq(given.as_bytes()))
        })
    }

    fn allows(&self, client: Option<IpAddr>) -> bool {
        client.is_some_and(|ip| self.allow.iter().any(|n| n.contains(&ip.to_canonical())))
    }
}

fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// 404 when metrics are off; 401 for a missing or wrong token when one is
/// configured; 403 for an address outside `allow` when only that is set.
fn check(m: &MetricsSettings, req: &HttpRequest) -> Result<(), ApiError> {
    if !m.enabled() {
        return Err(ApiError::NotFound(xhs_app::Resource::Route));
    }
    if bearer(req).is_some_and(|t| m.token_matches(t)) {
        return Ok(());
    }
    let client = crate::auth::client_ip(req).and_then(|c| c.parse::<IpAddr>().ok());
    if m.allows(client) {
        return Ok(());
    }
    if m.token.is_some() {
        Err(ApiError::Unauthorized)
    } else {
        Err(ApiError::AddressNotAllowed)
    }
}

/// The scrape: gauges sampled now, then every metric of the process.
pub async fn scrape(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    check(&state.settings.metrics, &req)?;
    let Some(handle) = super::handle() else {
        return Err(ApiError::NotFound(xhs_app::Resource::Route));
    };
    // A database that does not answer must not hide the rest (the counters
    // are what shows the trouble); its gauges keep their last values.
    if let Err(e) = xhs_app::stats::gauges::sample(&state.app).await {
        tracing::warn!(error = %e, "metrics: sampling the database failed");
        metrics::counter!("xhs_metrics_sample_failures_total").increment(1);
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(handle.render()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(token: Option<&str>, allow: &[&str]) -> MetricsSettings {
        MetricsSettings {
            token: token.map(|t| SecretString::from(t.to_owned())),
            allow: allow.iter().map(|a| a.parse().unwrap()).collect(),
        }
    }

    #[test]
    fn only_the_exact_token_matches() {
        let m = settings(Some("s3cret-token"), &[]);
        assert!(m.token_matches("s3cret-token"));
        assert!(!m.token_matches("s3cret-toke"));
        assert!(!m.token_matches("s3cret-token2"));
        assert!(!settings(None, &["10.0.0.0/8"]).token_matches(""));
    }

    #[test]
    fn an_allowed_network_admits_its_addresses_ipv4_mapped_ones_too() {
        let m = settings(None, &["10.0.0.0/8", "::1/128"]);
        assert!(m.allows(Some("10.1.2.3".parse().unwrap())));
        assert!(m.allows(Some("::ffff:10.1.2.3".parse().unwrap())));
        assert!(m.allows(Some("::1".parse().unwrap())));
        assert!(!m.allows(Some("192.168.1.1".parse().unwrap())));
        assert!(!m.allows(None));
    }

    #[test]
    fn the_token_never_prints() {
        let m = settings(Some("s3cret-token"), &[]);
        assert!(!format!("{m:?}").contains("s3cret"));
    }
}
