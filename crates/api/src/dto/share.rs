//! What the public share page sees (camelCase, like the article's endpoints).
//! Never an internal id.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The note behind a share link.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SharePage {
    #[serde(rename = "type")]
    pub post_type: String,
    pub title: String,
    pub content: String,
    pub image_urls: Vec<String>,
    pub cover_url: Option<String>,
    pub video_url: Option<String>,
    pub label: Option<String>,
    /// The XHS nickname (or name) of the account this link is for.
    pub account_name: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// False when the server has no XHS credentials: the page offers the copy-text fallback.
    pub xhs_configured: bool,
}

/// One thing that happened on the share page.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EventInput {
    /// `opened`, `publish_tapped`, `sdk_loaded`, `sdk_failed`, `app_opened` (page hidden after the tap) or `fallback_used`.
    #[schema(example = "publish_tapped")]
    pub kind: String,
    /// For `sdk_failed`: the SDK's error as the page saw it (at most 500 characters).
    pub reason: Option<String>,
}
