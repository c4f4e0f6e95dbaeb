//! Black-box tests: the real server on port 0, a fresh database per test (SQLite,
//! MariaDB or PostgreSQL, chosen by TEST_DATABASE), a fake XHS on 127.0.0.1.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod auth;
mod codes;
mod confirmations;
mod dashboard;
mod errors;
mod event_queue;
mod event_rollup_timing;
mod events;
mod fleet;
mod groups;
mod hardening;
mod helpers;
mod hosted;
mod imports;
mod instances;
mod link_cache;
mod list_plans;
mod lockout;
mod media;
mod platforms;
mod posts;
mod publish;
mod qr;
mod review;
mod robots;
mod search;
mod share;
mod static_files;
mod stats;
mod teams;
mod transactions;
mod validation;
mod vocabulary;
