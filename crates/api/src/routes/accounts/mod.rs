//! The XHS accounts a team publishes from.
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod stats;
pub mod stats_export;
pub mod update;
