//! The root span of every request: method, route, the path with share tokens
//! redacted (a token is the key to a link), the peer and the request id.
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::HttpMessage;
use tracing::field::Empty;
use tracing::Span;
use tracing_actix_web::{DefaultRootSpanBuilder, RequestId, RootSpanBuilder};

pub struct RedactedSpans;

impl RootSpanBuilder for RedactedSpans {
    fn on_request_start(req: &ServiceRequest) -> Span {
        let id = req
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let peer = req
            .peer_addr()
            .map(|a| a.ip().to_string())
            .unwrap_or_default();
        tracing::info_span!(
            "HTTP request",
            http.method = %req.method(),
            http.target = %redact(req.match_info().as_str()),
            http.client_ip = %peer,
            request_id = %id,
            http.status_code = Empty,
            otel.status_code = Empty,
            exception.message = Empty,
            exception.details = Empty,
        )
    }

    fn on_request_end<B: MessageBody>(
        span: Span,
        outcome: &Result<ServiceResponse<B>, actix_web::Error>,
    ) {
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}

/// The path without the token of `/api/share/{token}/…` and `/s/{token}`;
/// the query is left out too (it may hold search text).
pub fn redact(path: &str) -> String {
    for prefix in ["/api/share/", "/s/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map_or("", |i| &rest[i..]);
            return format!("{prefix}[token]{tail}");
        }
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn share_tokens_are_redacted_and_other_paths_kept() {
        assert_eq!(
            redact("/api/share/abcDEF123/publish"),
            "/api/share/[token]/publish"
        );
        assert_eq!(redact("/s/abcDEF123"), "/s/[token]");
        assert_eq!(redact("/api/posts/3"), "/api/posts/3");
    }
}
