//! Fakes of outside services for tests: real HTTP servers on 127.0.0.1 that
//! speak the documented protocol, so the real client code is what gets tested.
//!
//! [`FakeXhs`] is the XHS open platform's access-token endpoint. It checks
//! signatures with its own SHA-256 code rather than `xhs-signing`'s, so a bug
//! in the signer cannot be mirrored by the fake and go unnoticed.
//!
//! [`Moto`] is an S3-compatible server (moto's server mode, a child process)
//! for the media library's S3 backend.

// Test support: a fixture that cannot bind a port must fail the test loudly.
#![allow(clippy::expect_used)]

pub mod douyin;
mod moto;
mod protocol;
pub mod robots;
mod server;
mod state;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

pub use moto::Moto;
pub use protocol::SIGNATURE_ERROR_MSG;
use state::Shared;

/// How the fake writes `expires_in` in a successful answer; XHS integrators
/// read it all three ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiresIn {
    /// Absolute expiry in epoch milliseconds (the common reading).
    EpochMillis,
    /// Absolute expiry in epoch seconds.
    EpochSeconds,
    /// The lifetime in seconds.
    SecondsFromNow,
}

/// How the fake answers a well-signed token request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FakeMode {
    /// Issue a token, writing `expires_in` this way.
    Ok(ExpiresIn),
    /// `success: false` with this `msg`.
    Reject(String),
    /// `success: true` with `data` lacking `access_token` (an unapproved app).
    NoToken,
    /// Sleep this long, then answer as `Ok(ExpiresIn::EpochMillis)`.
    Delay(Duration),
}

/// A fake XHS token endpoint (`POST /api/sns/v1/ext/access/token`) listening
/// on 127.0.0.1. Stops when dropped.
pub struct FakeXhs {
    shared: Arc<Shared>,
    port: u16,
    handle: actix_web::dev::ServerHandle,
}

impl FakeXhs {
    /// Binds 127.0.0.1 on a free port and serves on the current tokio runtime
    /// (works under `#[tokio::test]` and `#[actix_web::test]`). Answers
    /// `FakeMode::Ok(ExpiresIn::EpochMillis)` with a 24 h lifetime until told otherwise.
    pub async fn start(app_key: &str, app_secret: &str) -> FakeXhs {
        let listener = TcpListener::bind("127.0.0.1:0").expect("FakeXhs: cannot bind 127.0.0.1:0");
        let port = listener
            .local_addr()
            .expect("FakeXhs: listener has no local address")
            .port();
        let shared = Arc::new(Shared::new(app_key, app_secret));
        let server = server::run(listener, Arc::clone(&shared))
            .expect("FakeXhs: cannot start the HTTP server");
        let handle = server.handle();
        tokio::spawn(server);
        FakeXhs {
            shared,
            port,
            handle,
        }
    }

    /// `http://127.0.0.1:PORT`, to use as the signer's `api_base`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Changes how the next token requests are answered.
    pub fn set_mode(&self, mode: FakeMode) {
        self.shared.lock().mode = mode;
    }

    /// Lifetime in seconds of the tokens issued from now on (default 86400).
    pub fn set_lifetime(&self, secs: i64) {
        self.shared.lock().lifetime_secs = secs;
    }

    /// How many POSTs reached the token endpoint, valid or not.
    pub fn token_fetches(&self) -> usize {
        self.shared.lock().token_fetches
    }

    /// The last issued token. Each issue replaces the previous token, which
    /// then no longer verifies, as XHS may do.
    pub fn current_token(&self) -> Option<String> {
        self.shared.lock().current_token.clone()
    }

    /// The appSecret the fake checks step A signatures against.
    pub fn app_secret(&self) -> String {
        self.shared.lock().app_secret.clone()
    }

    /// Whether `signature` is the XHS signature of `app_key`, `nonce` and
    /// `timestamp` with the current token as secret, and `app_key` is the
    /// fake's: the check the XHS app makes on a page's `verifyConfig`.
    pub fn verify_page_signature(
        &self,
        app_key: &str,
        nonce: &str,
        timestamp: &str,
        signature: &str,
    ) -> bool {
        let state = self.shared.lock();
        match &state.current_token {
            Some(token) if app_key == state.app_key => {
                protocol::xhs_signature(app_key, nonce, timestamp, token) == signature
            }
            _ => false,
        }
    }
}

impl Drop for FakeXhs {
    fn drop(&mut self) {
        // `stop` sends the command at once; awaiting it would only wait for
        // the workers to finish, which a test tearing down has no need for.
        drop(self.handle.stop(false));
    }
}
