//! Variants of a note: `/api/posts/{id}/variants`. Reading is for viewers,
//! writing for operators (as editing the note).
pub mod create;
pub mod delete;
pub mod list;
pub mod update;
