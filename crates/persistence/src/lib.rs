//! Persistence over the `x_post` schema with sea-orm: entities and small query
//! modules that take `&impl ConnectionTrait`, so callers choose the transaction.

pub mod accounts;
mod db;
pub mod entities;
mod error;
pub mod events;
pub mod links;
pub mod media;
pub mod operators;
pub mod posts;
pub mod records;
pub mod sessions;
pub mod tokens;

pub use db::{connect, migrate, Backend};
pub use error::PersistenceError;
pub use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};

/// Now, in UTC without zone: the form every timestamp column holds.
pub fn now_utc() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}
