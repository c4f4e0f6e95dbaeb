//! The article's shapes, kept for its integrators (camelCase).
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// A post as `GET /api/post/preview/{id}` returns it (the article's XPost).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PostPreview {
    pub id: i64,
    #[serde(rename = "type")]
    pub post_type: xhs_domain::PostType,
    pub title: String,
    pub content: String,
    pub cover_url: Option<String>,
    pub image_urls: Vec<String>,
    pub video_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<xhs_app::Post> for PostPreview {
    fn from(p: xhs_app::Post) -> Self {
        Self {
            id: p.id,
            post_type: p.post_type,
            title: p.title,
            content: p.content,
            cover_url: p.cover_url,
            image_urls: p.image_urls,
            video_url: p.video_url,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// `verifyConfig` for `xhs.share`: signed with the access token, fresh per call.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerifyConfig {
    pub app_key: String,
    /// Random, at most 32 letters and digits.
    pub nonce: String,
    /// Milliseconds since the epoch.
    pub timestamp: i64,
    /// lowercase hex SHA-256 of `appKey=..&nonce=..&timeStamp=..` + access token.
    pub signature: String,
}

/// `shareInfo` for `xhs.share`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareInfo {
    /// `normal` or `video`.
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

/// Everything the page passes to `xhs.share`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishPayload {
    /// The `verifyConfig`.
    pub data: VerifyConfig,
    #[serde(rename = "shareInfo")]
    pub share_info: ShareInfo,
}

impl From<xhs_domain::ShareInfo> for ShareInfo {
    fn from(s: xhs_domain::ShareInfo) -> Self {
        Self {
            post_type: s.post_type,
            title: s.title,
            content: s.content,
            images: s.images,
            video: s.video,
            cover: s.cover,
        }
    }
}

impl From<xhs_signing::VerifyConfig> for VerifyConfig {
    fn from(v: xhs_signing::VerifyConfig) -> Self {
        Self {
            app_key: v.app_key,
            nonce: v.nonce,
            timestamp: v.timestamp,
            signature: v.signature,
        }
    }
}

/// What `GET /api/share/{token}/publish` answers: XHS's payload for
/// `xhs.share`, or another platform's URL (and, for a copy kit, the text and
/// media).
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ShareHandout {
    Xhs(PublishPayload),
    Platform(PlatformHandout),
}

/// A platform other than XHS.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlatformHandout {
    pub platform: xhs_domain::SharePlatform,
    /// Douyin: the signed `snssdk1128://` schema (signed per call: never
    /// cache it); Weibo: its share URL; a copy kit: the app's scheme.
    pub url: String,
    /// Copy kit: the text to paste.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Copy kit: the media to save, video first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<Vec<String>>,
}

impl From<xhs_app::links::handoff::Handout> for ShareHandout {
    fn from(h: xhs_app::links::handoff::Handout) -> Self {
        use xhs_app::links::handoff::Handout;
        match h {
            Handout::Sdk(p) => Self::Xhs(p.into()),
            Handout::Link { platform, url } => Self::Platform(PlatformHandout {
                platform,
                url,
                text: None,
                media: None,
            }),
            Handout::Kit {
                platform,
                url,
                text,
                media,
            } => Self::Platform(PlatformHandout {
                platform,
                url,
                text: Some(text),
                media: Some(media),
            }),
        }
    }
}

impl From<xhs_app::links::handoff::xhs::SignedPayload> for PublishPayload {
    fn from(p: xhs_app::links::handoff::xhs::SignedPayload) -> Self {
        Self {
            data: p.verify.into(),
            share_info: p.share_info.into(),
        }
    }
}
