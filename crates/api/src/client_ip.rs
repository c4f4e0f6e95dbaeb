//! Which address a request comes from, for the rate limits. Behind a proxy
//! (`trust_forwarded_for`), `X-Forwarded-For` and `Forwarded` list the hops
//! left to right and every client can write the left end: the client is the
//! rightmost address that is not one of the trusted proxies.
use actix_web::http::header::HeaderMap;
use actix_web::HttpRequest;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

#[derive(Debug, Clone, Default)]
pub struct ClientAddress {
    /// The peer is a proxy of ours: read the forwarding headers.
    pub trust_forwarded_for: bool,
    /// Proxies between the client and the peer (and, when set, the only
    /// peers whose headers are read).
    pub trusted_proxies: Vec<IpNet>,
}

impl ClientAddress {
    pub fn of(&self, req: &HttpRequest) -> String {
        let peer = req.peer_addr().map(|a| a.ip());
        self.resolve(peer, req.headers())
    }

    fn is_trusted(&self, ip: &IpAddr) -> bool {
        self.trusted_proxies.iter().any(|n| n.contains(ip))
    }

    fn resolve(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> String {
        let peer_name = peer.map_or_else(|| "unknown".to_owned(), |p| p.to_string());
        let peer_is_proxy = match peer {
            Some(p) => self.trusted_proxies.is_empty() || self.is_trusted(&p),
            None => false,
        };
        if !self.trust_forwarded_for || !peer_is_proxy {
            return peer_name;
        }
        let mut hops = forwarded_for(headers);
        if hops.is_empty() {
            hops = x_forwarded_for(headers);
        }
        let Some(leftmost) = hops.first().cloned() else {
            return peer_name;
        };
        hops.into_iter()
            .rev()
            .find(|hop| {
                hop.parse::<IpAddr>()
                    .map_or(true, |ip| !self.is_trusted(&ip))
            })
            .unwrap_or(leftmost)
    }
}

/// An address as a hop names it: `1.2.3.4`, `1.2.3.4:80`, `[::1]:80`, `::1`;
/// anything else (`unknown`, `_hidden`) stays as written.
fn normalize(hop: &str) -> String {
    let hop = hop.trim().trim_matches('"');
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return ip.to_string();
    }
    if let Ok(sa) = hop.parse::<SocketAddr>() {
        return sa.ip().to_string();
    }
    let bracketed = hop.strip_prefix('[').and_then(|h| h.split(']').next());
    match bracketed.and_then(|h| h.parse::<IpAddr>().ok()) {
        Some(ip) => ip.to_string(),
        None => hop.to_owned(),
    }
}

fn x_forwarded_for(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(normalize)
        .filter(|h| !h.is_empty())
        .collect()
}

/// The `for=` of every element of every `Forwarded` header (RFC 7239).
fn forwarded_for(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all("forwarded")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (k, v) = pair.split_once('=')?;
                k.trim().eq_ignore_ascii_case("for").then(|| normalize(v))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    fn behind(proxies: &[&str]) -> ClientAddress {
        ClientAddress {
            trust_forwarded_for: true,
            trusted_proxies: proxies.iter().map(|p| p.parse().unwrap()).collect(),
        }
    }

    const PEER: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1)));

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client_whatever_the_client_prepends() {
        let a = behind(&["10.0.0.0/8"]);
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.0.0.2")]);
        assert_eq!(a.resolve(PEER, &h), "203.0.113.7");
        let h = headers(&[(
            "forwarded",
            "for=6.6.6.6, for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.2",
        )]);
        assert_eq!(a.resolve(PEER, &h), "2001:db8::1");
        let one_proxy = behind(&[]);
        let h = headers(&[
            ("x-forwarded-for", "6.6.6.6"),
            ("x-forwarded-for", "203.0.113.7:5000"),
        ]);
        assert_eq!(one_proxy.resolve(PEER, &h), "203.0.113.7");
    }

    #[test]
    fn headers_count_only_from_a_trusted_peer_and_only_when_enabled() {
        let h = headers(&[("x-forwarded-for", "203.0.113.7")]);
        assert_eq!(ClientAddress::default().resolve(PEER, &h), "10.0.0.1");
        let stranger = Some("198.51.100.9".parse().unwrap());
        assert_eq!(
            behind(&["10.0.0.0/8"]).resolve(stranger, &h),
            "198.51.100.9"
        );
        let all_trusted = headers(&[("x-forwarded-for", "10.1.1.1, 10.0.0.2")]);
        assert_eq!(
            behind(&["10.0.0.0/8"]).resolve(PEER, &all_trusted),
            "10.1.1.1"
        );
    }
}
