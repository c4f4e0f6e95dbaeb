//! A post's share links: `/api/posts/{id}/links`.
pub mod create;
pub mod export;
pub mod list;
pub mod qr_sheet;
