//! Black-box tests of `xhs-signing` against `FakeXhs`, a real HTTP server on
//! 127.0.0.1. One binary (modules below) to keep link time down.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cache;
mod errors;
mod fetch;
mod helpers;
mod redaction;
mod shared;
mod verify;
