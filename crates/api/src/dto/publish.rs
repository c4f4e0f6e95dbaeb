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

/// Everything the page passes to `xhs.share`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishPayload {
    /// The `verifyConfig`: signed with the access token, fresh per call.
    pub data: xhs_signing::VerifyConfig,
    #[serde(rename = "shareInfo")]
    pub share_info: xhs_domain::ShareInfo,
}

impl From<xhs_app::links::handoff::xhs::SignedPayload> for PublishPayload {
    fn from(p: xhs_app::links::handoff::xhs::SignedPayload) -> Self {
        Self {
            data: p.verify,
            share_info: p.share_info,
        }
    }
}
