//! The application layer of xhs-publisher: every use case, over one
//! [`Services`] value. Handlers in `xhs-api` parse a request, call one function
//! here and shape the answer; nothing here knows HTTP, and nothing above here
//! sees a database entity. A use case that writes more than one row runs in
//! one transaction.
pub mod accounts;
pub mod api_tokens;
pub mod audit;
pub mod auth;
pub mod cache;
pub mod dashboard;
mod demo;
mod error;
pub mod event_queue;
pub mod fleet;
mod hosted;
pub mod links;
pub mod login_guard;
pub mod media;
pub mod paging;
pub mod platforms;
pub mod posts;
pub mod publish;
pub mod records;
pub mod review;
pub mod robots;
mod roles;
mod services;
pub mod share;
pub mod stats;
mod token_store;
pub mod users;
pub mod versions;

pub use error::{AppError, GoneReason, Platform, PlatformFailure, Resource};
pub use services::{AppSettings, Services};
pub use token_store::DbTokenStore;
pub use xhs_persistence::{Account, Media, Post, Record, StoredLink, Task};

/// What a use case answers.
pub type AppResult<T> = Result<T, AppError>;
