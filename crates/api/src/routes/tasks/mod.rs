//! Robot tasks: `/api/tasks`.
pub mod cancel;
pub mod list;
pub mod retry;
