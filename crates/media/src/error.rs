/// What storing or checking media can fail with. The HTTP layer maps the first
/// three to 415, 413 and 422; the rest are server faults.
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
    /// The storage backend failed (never carries credentials: `object_store`
    /// errors name the path and the HTTP status only).
    #[error("storage: {0}")]
    Storage(String),
    /// Reading or writing the spool file.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
}

impl From<object_store::Error> for MediaError {
    fn from(e: object_store::Error) -> Self {
        Self::Storage(e.to_string())
    }
}
