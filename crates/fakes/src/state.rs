//! The fake's mutable state, shared by the handler and the test.

use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::{ExpiresIn, FakeMode};

/// XHS tokens live about 24 h.
const DEFAULT_LIFETIME_SECS: i64 = 24 * 60 * 60;

pub(crate) struct State {
    pub(crate) app_key: String,
    pub(crate) app_secret: String,
    pub(crate) mode: FakeMode,
    pub(crate) lifetime_secs: i64,
    pub(crate) token_fetches: usize,
    pub(crate) current_token: Option<String>,
}

pub(crate) struct Shared(Mutex<State>);

impl Shared {
    pub(crate) fn new(app_key: &str, app_secret: &str) -> Self {
        Self(Mutex::new(State {
            app_key: app_key.to_owned(),
            app_secret: app_secret.to_owned(),
            mode: FakeMode::Ok(ExpiresIn::EpochMillis),
            lifetime_secs: DEFAULT_LIFETIME_SECS,
            token_fetches: 0,
            current_token: None,
        }))
    }

    /// A panicking test must not poison the fake for the assertions after it.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
