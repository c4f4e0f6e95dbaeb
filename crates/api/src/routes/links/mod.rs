//! Share links of a post (operator side).
pub mod get;
pub mod qr_png;
pub mod qr_svg;
pub mod revoke;
pub mod stats;
pub mod stats_export;
