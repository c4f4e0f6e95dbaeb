//! Publish records: where each post stands for each account.
pub mod confirm;
pub mod list;
