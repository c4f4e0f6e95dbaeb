//! The type of an upload, decided by its first bytes only: a text file named
//! `.jpg` or a declared `image/jpeg` changes nothing.
use crate::MediaError;

/// How many leading bytes [`sniff`] wants: enough for a whole `ftyp` box,
/// which tells MP4 from MOV from HEIC.
pub const SNIFF_BYTES: usize = 4096;

pub use xhs_domain::MediaKind;

/// A type the library takes: its kind, MIME type and the extension its
/// storage key gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub kind: MediaKind,
    pub mime: &'static str,
    pub ext: &'static str,
}

const TAKEN: &str = "JPEG, PNG, WebP, HEIC, MP4 or MOV";

/// The MIME type [`sniff`] gives a HEIC/HEIF photo; no stored item has it.
pub const HEIF: &str = "image/heif";

/// Decides the type from the first bytes ([`SNIFF_BYTES`] or the whole file
/// when shorter).
pub fn sniff(head: &[u8]) -> Result<Sniffed, MediaError> {
    let found = infer::get(head);
    let (kind, mime, ext) = match found.map(|t| t.mime_type()) {
        Some("image/jpeg") => (MediaKind::Image, "image/jpeg", "jpg"),
        Some("image/png") => (MediaKind::Image, "image/png", "png"),
        Some("image/webp") => (MediaKind::Image, "image/webp", "webp"),
        // M4V is Apple's name for the same MP4 container.
        Some("video/mp4" | "video/x-m4v") => (MediaKind::Video, "video/mp4", "mp4"),
        Some("video/quicktime") => (MediaKind::Video, "video/quicktime", "mov"),
        // Converted to JPEG once whole (`Spool::finish`).
        Some("image/heif") => (MediaKind::Image, HEIF, "heic"),
        Some(other) => {
            return Err(MediaError::Unsupported(format!(
                "the file's content is {other}; accepted: {TAKEN}"
            )))
        }
        None => {
            return Err(MediaError::Unsupported(format!(
                "the file's content is not a recognised image or video; accepted: {TAKEN}"
            )))
        }
    };
    Ok(Sniffed { kind, mime, ext })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn magic_bytes_decide_and_text_is_refused() {
        let jpeg = sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).unwrap();
        assert_eq!((jpeg.kind, jpeg.ext), (MediaKind::Image, "jpg"));
        let mp4 = sniff(b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2").unwrap();
        assert_eq!((mp4.mime, mp4.ext), ("video/mp4", "mp4"));
        let mov = sniff(b"\0\0\0\x14ftypqt  \0\0\x02\0qt  ").unwrap();
        assert_eq!(mov.ext, "mov");
        assert!(matches!(
            sniff(b"hello, I am text"),
            Err(MediaError::Unsupported(_))
        ));
    }

    #[test]
    fn heic_is_taken_as_an_image_to_convert() {
        let heic = sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap();
        assert_eq!((heic.kind, heic.mime), (MediaKind::Image, HEIF));
    }
}
