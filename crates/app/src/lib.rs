//! The application layer of xhs-publisher: every use case, over one
//! [`Services`] value, in one folder per feature: [`notes`], [`links`],
//! [`accounts`], [`team`], [`fleet`], [`stats`] and [`print`] (QR sheets), with [`lookup`] as the
//! leaf they all may use to find a live record. Handlers in `xhs-api` parse a
//! request, call one function here and shape the answer; nothing here knows
//! HTTP, and nothing above here sees a database entity. A use case that
//! writes runs in one transaction through [`Services::write`], which appends
//! its audit entry in that transaction and tells the link cache after it.
pub mod accounts;
pub mod campaigns;
mod error;
pub mod exports;
pub mod fleet;
pub mod groups;
pub mod imports;
pub mod links;
pub mod lookup;
pub mod notes;
pub mod paging;
pub mod print;
mod services;
pub mod stats;
pub mod team;
pub mod webhooks;
mod write;

pub use error::{AppError, GoneReason, Platform, PlatformFailure, Resource, Shortfall};
pub use links::handoff::token_store::DbTokenStore;
pub use services::{AppSettings, Services};
pub use write::{Actor, Change, Write};
pub use xhs_persistence::{Account, Media, Post, Record, StoredLink, Task};

/// What a use case answers.
pub type AppResult<T> = Result<T, AppError>;
