//! The media library: `/api/media` (operators) and `/media/{key}` (public
//! files, what phones and XHS download).
pub mod delete;
pub mod get;
pub mod list;
mod ranged;
mod save;
pub mod serve;
pub mod shape;
pub mod upload;

use crate::{ApiError, AppState};
use xhs_persistence::entities::media as row;

/// Longest original name kept (characters).
const MAX_NAME_CHARS: usize = 200;

/// A client's filename as metadata: the last path component only, without
/// control characters, at most `MAX_NAME_CHARS`. Never used in a path.
pub fn sanitize_name(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let clean = clean.trim();
    (!clean.is_empty() && clean != "." && clean != "..").then(|| clean.to_owned())
}

/// A media row or 404.
pub async fn load(state: &AppState, id: i64) -> Result<row::Model, ApiError> {
    xhs_persistence::media::find(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound("media"))
}

#[cfg(test)]
mod tests {
    use super::sanitize_name;

    #[test]
    fn names_lose_their_directories_and_control_characters() {
        assert_eq!(sanitize_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(
            sanitize_name("C:\\Users\\a\\照片 1.jpg").as_deref(),
            Some("照片 1.jpg")
        );
        assert_eq!(sanitize_name("a\u{0}b\n.jpg").as_deref(), Some("ab.jpg"));
        assert_eq!(sanitize_name("../"), None);
        assert_eq!(sanitize_name(".."), None);
    }
}
