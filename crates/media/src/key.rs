//! Storage keys are made from the content's SHA-256 and the sniffed extension
//! only: nothing a client sends (a filename like `../../etc/passwd`) ever
//! becomes part of a path.

/// The extensions a key may end with (originals and thumbnails).
const EXTENSIONS: [&str; 5] = ["jpg", "png", "webp", "mp4", "mov"];
const THUMB_SUFFIX: &str = ".thumb.jpg";
const PHONE_SUFFIX: &str = ".phone.jpg";
const SCREEN_SUFFIX: &str = ".screen.jpg";

/// `ab/abcdef…(64 hex).ext`: the first two hex digits spread files over 256
/// directories.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StorageKey(String);

impl StorageKey {
    /// The key of an original: `sha256` must be 64 lowercase hex digits.
    pub fn original(sha256: &str, ext: &str) -> Option<Self> {
        Self::parse(&format!("{}/{sha256}.{ext}", sha256.get(..2)?))
    }

    /// The key of the JPEG thumbnail of the content with this hash.
    pub fn thumbnail(sha256: &str) -> Option<Self> {
        Self::parse(&format!("{}/{sha256}{THUMB_SUFFIX}", sha256.get(..2)?))
    }

    /// The key of the JPEG phone-sized rendition (long edge
    /// [`crate::PHONE_LONG_EDGE`]) of a very large image with this hash.
    pub fn phone(sha256: &str) -> Option<Self> {
        Self::parse(&format!("{}/{sha256}{PHONE_SUFFIX}", sha256.get(..2)?))
    }

    /// The key of the share page's JPEG rendition ([`crate::SCREEN_WIDTH`]
    /// wide) of an image with this hash.
    pub fn screen(sha256: &str) -> Option<Self> {
        Self::parse(&format!("{}/{sha256}{SCREEN_SUFFIX}", sha256.get(..2)?))
    }

    /// Accepts exactly the shapes [`original`](Self::original),
    /// [`thumbnail`](Self::thumbnail), [`phone`](Self::phone) and [`screen`](Self::screen) produce, so a path from a URL cannot
    /// point anywhere else.
    pub fn parse(s: &str) -> Option<Self> {
        let (dir, file) = s.split_once('/')?;
        let hash = file.get(..64)?;
        let rest = file.get(64..)?;
        let hex = |h: &str| {
            h.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        };
        let ext_ok = rest == THUMB_SUFFIX
            || rest == PHONE_SUFFIX
            || rest == SCREEN_SUFFIX
            || rest
                .strip_prefix('.')
                .is_some_and(|e| EXTENSIONS.contains(&e));
        (hex(hash) && hash.starts_with(dir) && dir.len() == 2 && ext_ok).then(|| Self(s.to_owned()))
    }

    /// The key as stored (`ab/<sha256>.<ext>`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The content's SHA-256 (hex), which the key starts with after `ab/`.
    pub fn sha256(&self) -> &str {
        &self.0[3..67]
    }

    /// The MIME type served for this key (the extension came from sniffing).
    pub fn mime(&self) -> &'static str {
        match self.0.rsplit('.').next() {
            Some("png") => "image/png",
            Some("webp") => "image/webp",
            Some("mp4") => "video/mp4",
            Some("mov") => "video/quicktime",
            _ => "image/jpeg",
        }
    }
}

impl std::fmt::Display for StorageKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const H: &str = "ab0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    #[test]
    fn keys_are_built_from_the_hash_and_round_trip() {
        let k = StorageKey::original(H, "jpg").unwrap();
        assert_eq!(k.as_str(), format!("ab/{H}.jpg"));
        assert_eq!(StorageKey::parse(k.as_str()), Some(k.clone()));
        assert_eq!(k.sha256(), H);
        let t = StorageKey::thumbnail(H).unwrap();
        assert_eq!(
            (t.as_str().ends_with(".thumb.jpg"), t.mime()),
            (true, "image/jpeg")
        );
    }

    #[test]
    fn anything_else_is_not_a_key() {
        for bad in [
            "../../etc/passwd",
            &format!("ab/{H}.exe"),
            &format!("cd/{H}.jpg"),
            &format!("ab/{}.jpg", H.to_uppercase()),
            &format!("ab/../{H}.jpg"),
            &format!("ab/{H}.jpg/../x"),
            "",
        ] {
            assert_eq!(StorageKey::parse(bad), None, "{bad}");
        }
    }
}
