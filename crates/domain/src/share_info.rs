use crate::{PostDraft, PostType};
use serde::Serialize;

/// `shareInfo` for `xhs.share` (XHS_FACTS section 1), passed to the SDK as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ShareInfo {
    /// `normal` (an image note) or `video`.
    #[serde(rename = "type")]
    pub post_type: PostType,
    pub title: String,
    /// The body, `#topics` included.
    pub content: String,
    /// Image URLs a phone can download; empty for a video note.
    pub images: Vec<String>,
    /// The video URL of a video note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    /// The cover of a video note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
}

impl From<&PostDraft> for ShareInfo {
    fn from(d: &PostDraft) -> Self {
        Self {
            post_type: d.post_type,
            title: d.title.as_str().to_owned(),
            content: d.body.as_str().to_owned(),
            images: d.images.iter().map(|u| u.as_str().to_owned()).collect(),
            video: d.video.as_ref().map(|u| u.as_str().to_owned()),
            cover: d.effective_cover().map(|u| u.as_str().to_owned()),
        }
    }
}
