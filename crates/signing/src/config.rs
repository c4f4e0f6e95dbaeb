//! What the server is configured with for XHS's open platform. Its own module
//! so the token client and the signer both read it without importing each other.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

/// Credentials and endpoint of the XHS open platform.
#[derive(Clone, Debug)]
pub struct XhsConfig {
    /// The appKey; public (the page receives it).
    pub app_key: String,
    /// The appSecret; only ever used to sign step A.
    pub app_secret: SecretString,
    /// `https://edith.xiaohongshu.com` in production, a fake in tests.
    pub api_base: url::Url,
    /// Upper bound for one token request, connection to last byte.
    pub timeout: Duration,
}

impl XhsConfig {
    /// Whether both credentials are there (blank ones count as missing).
    pub(crate) fn is_usable(&self) -> bool {
        !self.app_key.trim().is_empty() && !self.app_secret.expose_secret().trim().is_empty()
    }
}
