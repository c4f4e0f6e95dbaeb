use crate::FieldError;
use crate::Rule;
use std::net::IpAddr;
use url::{Host, Url};

/// A URL of media the phone downloads: absolute `http` or `https` only, because
/// the SDK rejects local files and `data:` URIs (XHS_FACTS section 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaUrl(Url);

impl MediaUrl {
    /// `field` names the input (e.g. `image_urls[2]`) so errors point at it.
    pub fn parse(field: &str, s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        let err = |why: &str| {
            FieldError::new(
                field,
                Rule::AbsoluteHttpUrl,
                format!("{field} must be an absolute http(s) URL the phone can download; {why}"),
            )
        };
        let url = Url::parse(s).map_err(|_| err(&format!("'{}' is not one", truncate(s))))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(err(&format!("scheme '{}' is not allowed", url.scheme())));
        }
        if url.host().is_none() {
            return Err(err("it has no host"));
        }
        // Counted as stored: encoded, so a URL in Chinese counts its %-escapes.
        let n = url.as_str().chars().count();
        if n > crate::MAX_URL_CHARS {
            return Err(FieldError::new(
                field,
                Rule::MaxChars,
                format!(
                    "{field} has {n} characters once encoded; at most {}",
                    crate::MAX_URL_CHARS
                ),
            )
            .counts(n, crate::MAX_URL_CHARS));
        }
        Ok(Self(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The lowercase extension of the path's last segment (`jpg`), if any.
    pub fn extension(&self) -> Option<String> {
        let last = self.0.path_segments()?.next_back()?;
        let (_, ext) = last.rsplit_once('.')?;
        Some(ext.to_ascii_lowercase()).filter(|e| !e.is_empty())
    }

    /// True when a phone cannot reach the host: localhost, loopback, private or
    /// link-local addresses. Not an error (an operator may be testing) but
    /// pre-flight warns.
    pub fn is_unreachable_from_phone(&self) -> bool {
        match self.0.host() {
            Some(Host::Domain(d)) => {
                let d = d.to_ascii_lowercase();
                d == "localhost" || d.ends_with(".localhost") || d.ends_with(".local")
            }
            Some(Host::Ipv4(ip)) => is_private(IpAddr::V4(ip)),
            Some(Host::Ipv6(ip)) => is_private(IpAddr::V6(ip)),
            None => true,
        }
    }

    /// Plain http: XHS loads it, but mixed content and interception are risks.
    pub fn is_plain_http(&self) -> bool {
        self.0.scheme() == "http"
    }
}

fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback() || v4.is_private() || v4.is_link_local() || v4.is_unspecified()
        }
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.is_unspecified() || (v6.segments()[0] & 0xfe00) == 0xfc00
        }
    }
}

fn truncate(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_and_http_urls_are_accepted() {
        assert!(MediaUrl::parse("cover_url", "https://cdn.example.com/a.jpg").is_ok());
        assert!(MediaUrl::parse("cover_url", "http://cdn.example.com/a.jpg").is_ok());
    }

    #[test]
    fn local_files_data_uris_and_relative_paths_are_rejected() {
        for bad in [
            "file:///etc/passwd",
            "data:image/png;base64,AAAA",
            "/uploads/a.jpg",
            "a.jpg",
            "ftp://host/a.jpg",
            "",
        ] {
            let e = MediaUrl::parse("image_urls[0]", bad).unwrap_err();
            assert_eq!(e.field, "image_urls[0]", "{bad}");
            assert_eq!(e.rule, Rule::AbsoluteHttpUrl, "{bad}");
        }
    }

    #[test]
    fn urls_longer_than_their_column_are_refused() {
        let at_limit = format!(
            "https://a.example.com/{}",
            "x".repeat(crate::MAX_URL_CHARS - 22)
        );
        assert!(MediaUrl::parse("cover_url", &at_limit).is_ok());
        let e = MediaUrl::parse("cover_url", &format!("{at_limit}y")).unwrap_err();
        assert_eq!(
            (e.rule, e.limit),
            (Rule::MaxChars, Some(crate::MAX_URL_CHARS as u64))
        );
    }

    #[test]
    fn localhost_and_private_addresses_are_flagged_unreachable() {
        for u in [
            "http://localhost:8080/a.jpg",
            "http://127.0.0.1/a.jpg",
            "http://192.168.1.5/a.jpg",
            "http://[::1]/a.jpg",
        ] {
            assert!(
                MediaUrl::parse("f", u)
                    .map(|m| m.is_unreachable_from_phone())
                    .unwrap_or(false),
                "{u}"
            );
        }
        let public = MediaUrl::parse("f", "https://img.example.com/a.jpg").unwrap();
        assert!(!public.is_unreachable_from_phone());
    }
}
