//! A note's history: `/api/posts/{id}/versions`.
pub mod get;
pub mod list;
pub mod restore;
