//! Signed webhooks for integrators (admin only): endpoints, their secrets,
//! a test event, and their deliveries.
pub mod create;
pub mod delete;
pub mod deliveries;
pub mod get;
pub mod list;
pub mod redeliver;
pub mod rotate_secret;
pub mod test;
pub mod update;
