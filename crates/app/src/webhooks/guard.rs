//! Where a delivery may go: `https` URLs on public addresses only, checked
//! when an endpoint is saved and again at each delivery after DNS resolution
//! (the request is then pinned to the checked addresses, so a name that
//! rebinds to a private address in between cannot slip in).
//! `webhooks.allow_private` (intranets, tests) lifts both rules: private
//! addresses and plain `http` alike, since an intranet receiver seldom has a
//! certificate.
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use xhs_domain::{FieldError, Rule};

/// The longest URL an endpoint may have.
pub const MAX_URL_CHARS: usize = 2000;

fn v4_public(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_documentation()
        || ip.is_multicast()
        || a == 0
        || a >= 240
        // 100.64.0.0/10, carrier-grade NAT.
        || (a == 100 && (64..128).contains(&b)))
}

/// An address on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4_public(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4_public(v4),
            None => {
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || v6.is_multicast()
                    || v6.is_unique_local()
                    || v6.is_unicast_link_local()
                    || v6 == Ipv6Addr::LOCALHOST)
            }
        },
    }
}

/// Checks an endpoint's URL as given (before any resolution).
pub fn check_url(raw: &str, allow_private: bool) -> Result<url::Url, FieldError> {
    let bad = |rule, msg: &str| FieldError::new("url", rule, msg.to_owned());
    if raw.chars().count() > MAX_URL_CHARS {
        return Err(bad(Rule::MaxChars, "url is longer than 2000 characters"));
    }
    let u = url::Url::parse(raw.trim())
        .map_err(|_| bad(Rule::AbsoluteHttpUrl, "url must be an absolute https URL"))?;
    let scheme_ok = u.scheme() == "https" || (allow_private && u.scheme() == "http");
    if !scheme_ok || u.host().is_none() {
        return Err(bad(Rule::Https, "url must be an https URL"));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(bad(
            Rule::WellFormed,
            "url must not carry a user or password",
        ));
    }
    if !allow_private {
        let private = match u.host() {
            Some(url::Host::Ipv4(ip)) => !is_public(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => !is_public(IpAddr::V6(ip)),
            Some(url::Host::Domain(d)) => {
                let d = d.to_ascii_lowercase();
                d == "localhost" || d.ends_with(".localhost") || d.ends_with(".local")
            }
            None => true,
        };
        if private {
            return Err(bad(
                Rule::ReachableFromPhone,
                "url must be on a public address (set webhooks.allow_private for intranets)",
            ));
        }
    }
    Ok(u)
}

/// Resolves the URL's host and answers the addresses a delivery may use
/// (all public unless `allow_private`); an error says why none may.
pub async fn resolve(u: &url::Url, allow_private: bool) -> Result<Vec<SocketAddr>, String> {
    let host = u.host_str().ok_or("the URL has no host")?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = u.port_or_known_default().ok_or("the URL has no port")?;
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| format!("cannot resolve the host: {e}"))?
        .collect();
    if addrs.is_empty() {
        return Err("the host resolves to no address".into());
    }
    if !allow_private && addrs.iter().any(|a| !is_public(a.ip())) {
        return Err("the host resolves to a private address".into());
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn private_loopback_and_special_addresses_are_not_public() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(ip.parse().unwrap()), "{ip}");
        }
        for ip in ["93.184.216.34", "2606:2800:220:1::1"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[test]
    fn only_https_on_public_hosts_unless_private_is_allowed() {
        assert!(check_url("https://hooks.example.com/x", false).is_ok());
        assert_eq!(
            check_url("http://hooks.example.com/x", false)
                .unwrap_err()
                .rule,
            Rule::Https
        );
        let e = check_url("https://127.0.0.1:9/x", false).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.rule),
            ("url", Rule::ReachableFromPhone)
        );
        assert!(check_url("https://localhost/x", false).is_err());
        assert!(check_url("http://127.0.0.1:9/x", true).is_ok());
        assert!(check_url("ftp://example.com/x", true).is_err());
        assert!(check_url("https://u:p@example.com/x", false).is_err());
    }
}
