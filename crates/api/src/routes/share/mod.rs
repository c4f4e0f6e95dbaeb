//! The public side of share links: no login, never an internal id.
pub mod confirm;
pub mod events;
pub mod publish;
pub mod show;
