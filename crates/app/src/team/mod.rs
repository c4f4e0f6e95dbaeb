//! The people and programs that use the console: operators' logins and
//! sessions, API tokens, users and their roles, and the audit log of what
//! each of them changed.
pub mod api_tokens;
pub mod audit;
pub mod auth;
pub mod login_guard;
pub(crate) mod roles;
pub mod sessions;
pub mod users;
