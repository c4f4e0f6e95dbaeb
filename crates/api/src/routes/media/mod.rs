//! The media library: `/api/media` (operators) and `/media/{key}` (public
//! files, what phones and XHS download).
pub mod delete;
pub mod get;
pub mod list;
mod ranged;
pub mod serve;
pub mod upload;
