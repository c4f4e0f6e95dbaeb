//! What the token clients of every platform share about HTTP.

use crate::error::SigningError;

/// Maps a reqwest failure to [`SigningError`]: a timeout is its own variant,
/// anything else a transport error with its causes. The URL is left out
/// (it holds no secret today, but a platform might put one there), and a
/// request body (with a signature or a secret) is never part of a reqwest error.
pub(crate) fn transport(err: reqwest::Error) -> SigningError {
    if err.is_timeout() {
        return SigningError::Timeout;
    }
    let err = err.without_url();
    // reqwest's top-level text is vague ("error sending request"); the causes
    // say what actually happened (connection refused, DNS, TLS ...).
    let mut text = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    SigningError::Transport(text)
}

/// `base` joined with an endpoint's absolute `path`.
pub(crate) fn endpoint(base: &url::Url, path: &str) -> String {
    format!("{}{path}", base.as_str().trim_end_matches('/'))
}
