use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::MediaKind;

/// An item of the media library. `url` is what posts (and the signed share
/// payload) use; it is served without login.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Media {
    pub id: i64,
    pub kind: MediaKind,
    /// Decided from the content: `image/jpeg`, `image/png`, `image/webp`,
    /// `video/mp4` or `video/quicktime`.
    #[schema(example = "image/jpeg")]
    pub mime: String,
    pub size_bytes: i64,
    /// Pixels; for a video, the display size when the file says.
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// `{public_url}/media/ab/<sha256>.<ext>`: put this in `image_urls`,
    /// `cover_url` or `video_url`.
    pub url: String,
    /// A JPEG at most 320 px wide (images only).
    pub thumbnail_url: Option<String>,
    /// The uploaded file's name without any directory part; metadata only.
    pub original_name: Option<String>,
    /// Hex SHA-256 of the content; the same content is always the same item.
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

impl Media {
    /// The item as the API shows it, with URLs under `public_url`.
    pub fn new(s: &xhs_app::Services, m: xhs_app::Media) -> Self {
        let url = |key: &str| xhs_app::notes::media::url_of(s, key);
        Self {
            id: m.id,
            url: url(&m.storage_key),
            thumbnail_url: m.thumb_key.as_deref().map(url),
            kind: m.kind,
            mime: m.mime,
            size_bytes: m.size_bytes,
            width: m.width,
            height: m.height,
            original_name: m.original_name,
            sha256: m.sha256,
            created_at: m.created_at,
        }
    }
}

/// One page of media, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct MediaPage {
    pub items: Vec<Media>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// The list's query: a page size, a cursor and a kind.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MediaListQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
    /// Only this kind: `image` or `video`.
    #[param(value_type = Option<MediaKind>)]
    pub kind: Option<String>,
}

/// The upload form: one file per request.
#[derive(Debug, ToSchema)]
#[allow(dead_code)] // Documents the multipart body; the handler streams it field by field.
pub struct UploadForm {
    /// JPEG, PNG, WebP or HEIC/HEIF (at most `media.max_image_bytes`; a HEIC
    /// photo is kept as a JPEG of the same size and orientation), MP4 or MOV
    /// (at most `media.max_video_bytes`). The type is decided by the content,
    /// not by the name or the declared type.
    #[schema(format = Binary, value_type = String)]
    pub file: Vec<u8>,
}
