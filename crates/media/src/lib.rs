//! The media library's machinery, free of HTTP and database concerns:
//!
//! - [`Spool`]: an upload streamed to a temp file while it is hashed (SHA-256),
//!   counted against the limit of its kind and sniffed by its first bytes;
//! - [`sniff`]: the type decided by magic bytes, never by a name or a header;
//! - [`probe`]: images fully decoded (dimensions, a JPEG thumbnail), MP4/MOV
//!   checked box by box, so truncated files are caught before they are stored;
//! - [`MediaStore`]: one interface over `object_store`, with a local directory
//!   or S3-compatible object storage behind it, files keyed by their hash.

mod config;
mod error;
mod heic;
mod image_probe;
mod jpeg;
mod key;
pub mod sample;
mod sniff;
mod spool;
mod store;
mod video;

pub use config::{Limits, S3Config, StoreConfig};
pub use error::MediaError;
pub use image_probe::{PHONE_LONG_EDGE, SCREEN_WIDTH, THUMB_WIDTH};
pub use key::StorageKey;
pub use sniff::{sniff, MediaKind, Sniffed};
pub use spool::{Spool, Spooled};
pub use store::{MediaStore, ObjectInfo, StoredRange};

/// What probing an upload found out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probed {
    /// Pixels; for a video, the first track's display size when the file says.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// A JPEG thumbnail `THUMB_WIDTH` px wide at most (images only).
    pub thumbnail: Option<Vec<u8>>,
    /// A JPEG whose long edge is [`PHONE_LONG_EDGE`], for images larger
    /// than that (the original is kept as uploaded).
    pub phone: Option<Vec<u8>>,
    /// A JPEG [`SCREEN_WIDTH`] px wide for the share page, for images wider
    /// than that.
    pub screen: Option<Vec<u8>>,
}

/// Checks a spooled file fully (decodes an image, walks a video's boxes) and
/// measures it. Blocking work: call it from `spawn_blocking`.
pub fn probe(path: &std::path::Path, sniffed: &Sniffed) -> Result<Probed, MediaError> {
    match sniffed.kind {
        MediaKind::Image => image_probe::probe(path, sniffed),
        MediaKind::Video => video::probe(path),
    }
}
