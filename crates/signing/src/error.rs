//! What can go wrong while signing.

/// Why the server cannot produce an XHS signature.
///
/// No variant carries the appSecret, an access token or a signature, so the
/// `Display` text is safe to log and to show to an operator.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SigningError {
    /// No appKey/appSecret are configured: the share page must fall back to
    /// copying the text by hand.
    #[error("XHS signing is not configured (no appKey/appSecret)")]
    NotConfigured,
    /// XHS answered `success: false`; `message` is XHS's `msg`.
    #[error("the platform rejected the token request: {message}")]
    Rejected {
        /// XHS's own explanation, e.g. "签名校验失败，非法参数-signature".
        message: String,
    },
    /// XHS answered `success: true` without `data.access_token`.
    #[error("{message}")]
    NoToken {
        /// Says that the app may not be approved or the credentials are wrong.
        message: String,
    },
    /// XHS did not answer within the configured timeout.
    #[error("the platform did not answer the token request in time")]
    Timeout,
    /// XHS could not be reached or answered something unreadable.
    #[error("cannot get a token: {0}")]
    Transport(String),
    /// The shared token store failed.
    #[error("token store failed: {0}")]
    Store(String),
}

impl From<crate::store::StoreError> for SigningError {
    fn from(err: crate::store::StoreError) -> Self {
        Self::Store(err.0)
    }
}
