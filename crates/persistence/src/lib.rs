//! Persistence over the `x_post` schema with sea-orm: entities and small query
//! modules that take `&impl ConnectionTrait`, so callers choose the transaction.

pub mod accounts;
pub mod api_tokens;
pub mod audit;
pub mod backup;
pub mod campaign_assignments;
mod campaign_counts;
mod campaign_parts;
mod campaign_status;
mod campaign_steps;
mod campaign_sync;
pub mod campaigns;
mod db;
pub mod entities;
mod error;
pub mod events;
pub mod gauges;
pub mod groups;
pub mod links;
pub mod media;
pub mod operators;
pub mod people;
pub mod posts;
pub mod quota;
pub mod records;
pub mod review;
pub mod robots;
pub mod roster;
mod search;
pub mod sessions;
mod task_reads;
pub mod task_watch;
pub mod tasks;
pub mod tokens;
pub mod users;
mod values;
pub mod variants;
pub mod versions;
pub mod webhooks;

pub use db::{begin_write, connect, connect_with, migrate, migrate_down, Backend};
pub use error::PersistenceError;
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr};
pub use values::{utc, Account, Link, Link as StoredLink, Media, Post, Record, Task};

/// Now, in UTC without zone: the form every timestamp column holds.
pub fn now_utc() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
