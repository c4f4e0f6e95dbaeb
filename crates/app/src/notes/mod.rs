//! Notes: what an operator writes and a reviewer approves. Owns the posts
//! themselves (create, edit with optimistic locking, list, delete), their
//! versions, the review workflow, the media library they draw on, how hosted
//! media are stored and read, and the demo note of the first start.
pub(crate) mod demo;
pub mod duplicate;
pub(crate) mod hosted;
pub mod media;
pub mod posts;
pub mod renditions;
pub mod review;
pub mod variants;
pub mod versions;
