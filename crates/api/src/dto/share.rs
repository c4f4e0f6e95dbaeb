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
    pub post_type: xhs_domain::PostType,
    pub title: String,
    pub content: String,
    pub image_urls: Vec<String>,
    /// `imageUrls` with their smaller renditions (for `srcset`), in order:
    /// `url`, `thumb_url` (320 px wide), `phone_url` (long edge 2560 px).
    pub images: Vec<xhs_app::notes::renditions::ImageSizes>,
    pub cover_url: Option<String>,
    pub video_url: Option<String>,
    pub label: Option<String>,
    /// The XHS nickname (or name) of the account this link is for.
    pub account_name: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Set while the link is not open yet (it opens later, e.g. at a
    /// campaign's time): show when it opens instead of the buttons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<DateTime<Utc>>,
    /// True while the link's campaign is paused (no `opensAt` then: it
    /// opens when the campaign is resumed): say so instead of the buttons.
    /// Absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[schema(required = false)]
    pub paused: bool,
    /// False when the server has no XHS credentials: the page offers the copy-text fallback.
    pub xhs_configured: bool,
    /// What this link offers, in the order to show; one button each.
    pub platforms: Vec<OfferedPlatform>,
}

/// A platform a link offers.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferedPlatform {
    pub platform: xhs_domain::SharePlatform,
    /// The name people know it by, e.g. 抖音.
    pub name: String,
    /// `sdk` (XHS), `schema` (open the URL: Douyin's app), `url` (Weibo), `copy_kit`.
    pub handoff: xhs_domain::Handoff,
}

impl From<xhs_domain::SharePlatform> for OfferedPlatform {
    fn from(p: xhs_domain::SharePlatform) -> Self {
        Self {
            platform: p,
            name: p.name().to_owned(),
            handoff: p.handoff(),
        }
    }
}

/// One thing that happened on the share page.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EventInput {
    /// `opened`, `publish_tapped`, `sdk_loaded`, `sdk_failed`, `app_opened` (page hidden after the tap) or `fallback_used`.
    #[schema(value_type = xhs_domain::ReportedEventKind)]
    pub kind: String,
    /// For `sdk_failed`: the SDK's error as the page saw it (at most 500 characters).
    #[schema(max_length = 500)]
    pub reason: Option<String>,
    /// The platform a tap (and what followed it) went to; none for `opened`.
    #[schema(value_type = Option<xhs_domain::SharePlatform>)]
    pub platform: Option<String>,
}

impl From<xhs_app::links::public::SharePage> for SharePage {
    fn from(p: xhs_app::links::public::SharePage) -> Self {
        Self {
            post_type: p.post.post_type,
            title: p.post.title,
            content: p.post.content,
            image_urls: p.post.image_urls,
            images: p.images,
            cover_url: p.post.cover_url,
            video_url: p.post.video_url,
            label: p.label,
            account_name: p.account_name,
            expires_at: p.expires_at,
            opens_at: p.opens_at,
            paused: p.paused,
            xhs_configured: p.xhs_configured,
            platforms: p.platforms.into_iter().map(Into::into).collect(),
        }
    }
}
