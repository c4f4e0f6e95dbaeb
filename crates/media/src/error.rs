/// What storing or checking media can fail with. The HTTP layer maps the
/// refusals (unsupported, too large, undecodable, empty, HEIC) to 4xx, a full
/// store to 507; the rest are server faults.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// Not a type the library takes (decided by content, not by name).
    #[error("{0}")]
    Unsupported(String),
    /// More bytes than the limit of the upload's kind.
    #[error("the file is larger than the {limit} bytes a {kind} may have")]
    TooLarge { kind: &'static str, limit: u64 },
    /// The type is right but the content is truncated or corrupt.
    #[error("{0}")]
    Undecodable(String),
    /// No bytes at all (a photo that never synced, a failed export).
    #[error("the file is empty")]
    Empty,
    /// A HEIC/HEIF photo libheif cannot decode (a truncated or unusual
    /// file): saving it as JPEG on the phone is the way out.
    #[error("the HEIC/HEIF photo cannot be decoded: {0}")]
    HeicUndecodable(String),
    /// The storage backend failed (never carries credentials: `object_store`
    /// errors name the path and the HTTP status only).
    #[error("storage: {0}")]
    Storage(String),
    /// The store is full or read-only: nothing was kept.
    #[error("the media store is full or read-only: {0}")]
    Full(String),
    /// Reading or writing the spool file.
    #[error("i/o: {0}")]
    Io(std::io::Error),
}

/// A disk that is full, over quota or mounted read-only.
fn is_full(e: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(e.kind(), ErrorKind::StorageFull | ErrorKind::ReadOnlyFilesystem)
        // EDQUOT: the disk quota is used up.
        || e.raw_os_error() == Some(122)
}

impl From<std::io::Error> for MediaError {
    fn from(e: std::io::Error) -> Self {
        if is_full(&e) {
            Self::Full(e.to_string())
        } else {
            Self::Io(e)
        }
    }
}

impl From<object_store::Error> for MediaError {
    fn from(e: object_store::Error) -> Self {
        // The local backend wraps the disk's own error.
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(c) = cause {
            if let Some(io) = c.downcast_ref::<std::io::Error>() {
                if is_full(io) {
                    return Self::Full(e.to_string());
                }
            }
            cause = c.source();
        }
        Self::Storage(e.to_string())
    }
}
