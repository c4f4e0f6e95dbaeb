//! Request and response bodies. `///` on fields becomes the schema description.
pub mod account;
pub mod auth;
pub mod link;
pub mod media;
pub mod post;
pub mod publish;
pub mod share;
pub mod stats;
