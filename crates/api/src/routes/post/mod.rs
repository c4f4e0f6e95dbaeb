//! The article's two endpoints, kept for its integrators (operator-only).
pub mod preview;
pub mod publish;
