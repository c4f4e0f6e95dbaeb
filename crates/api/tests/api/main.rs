//! Black-box tests: the real server on port 0, a fresh database per test (SQLite,
//! MariaDB or PostgreSQL, chosen by TEST_DATABASE), a fake XHS on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod auth;
mod errors;
mod events;
mod helpers;
mod media;
mod posts;
mod publish;
mod qr;
mod share;
mod stats;
mod validation;
