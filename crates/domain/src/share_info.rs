use crate::PostDraft;
use serde::Serialize;

/// The `shareInfo` object `xhs.share` takes (XHS_FACTS section 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShareInfo {
    #[serde(rename = "type")]
    pub post_type: String,
    pub title: String,
    pub content: String,
    pub images: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
}

impl From<&PostDraft> for ShareInfo {
    fn from(d: &PostDraft) -> Self {
        Self {
            post_type: d.post_type.as_str().to_owned(),
            title: d.title.as_str().to_owned(),
            content: d.body.as_str().to_owned(),
            images: d.images.iter().map(|u| u.as_str().to_owned()).collect(),
            video: d.video.as_ref().map(|u| u.as_str().to_owned()),
            cover: d.effective_cover().map(|u| u.as_str().to_owned()),
        }
    }
}
