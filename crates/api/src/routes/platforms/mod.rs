//! `/api/platforms`: what each platform's hand-off is on this server.
pub mod list;
