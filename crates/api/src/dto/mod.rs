//! Request and response bodies. `///` on fields becomes the schema description.
pub mod auth;
pub mod post;
pub mod publish;
