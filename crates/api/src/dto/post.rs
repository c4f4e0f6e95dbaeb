use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::{parse_image_list_text, PostDraft, RawPost};
use xhs_persistence::entities::x_post;
use xhs_persistence::posts::PostFields;

/// A note draft as stored.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Post {
    pub id: i64,
    /// `normal` (image note) or `video`.
    #[serde(rename = "type")]
    #[schema(example = "normal")]
    pub post_type: String,
    pub title: String,
    pub content: String,
    /// The cover; when absent the first image is used.
    pub cover_url: Option<String>,
    pub image_urls: Vec<String>,
    pub video_url: Option<String>,
    /// Send this back with `PUT`; a stale value is refused with 409.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Share-page counts; filled by the list only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<super::stats::Totals>,
}

pub fn utc(t: chrono::NaiveDateTime) -> DateTime<Utc> {
    Utc.from_utc_datetime(&t)
}

impl From<x_post::Model> for Post {
    fn from(m: x_post::Model) -> Self {
        Self {
            id: m.id,
            post_type: m.post_type,
            title: m.title.unwrap_or_default(),
            content: m.content.unwrap_or_default(),
            cover_url: m.cover_url,
            image_urls: m
                .image_urls
                .as_deref()
                .map(parse_image_list_text)
                .unwrap_or_default(),
            video_url: m.video_url,
            version: m.version,
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
            totals: None,
        }
    }
}

impl Post {
    /// The stored post as the domain reads it (for pre-flight and publishing).
    pub fn raw(&self) -> RawPost {
        RawPost {
            post_type: self.post_type.clone(),
            title: self.title.clone(),
            content: self.content.clone(),
            image_urls: self.image_urls.clone(),
            cover_url: self.cover_url.clone(),
            video_url: self.video_url.clone(),
        }
    }
}

/// Image URLs as a JSON array, or (as the article's integrators send them) one
/// comma-separated string.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ImageUrls {
    List(Vec<String>),
    Text(String),
}

impl Default for ImageUrls {
    fn default() -> Self {
        Self::List(Vec::new())
    }
}

/// A post to create (and, with `version`, to replace).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PostInput {
    /// `normal` (image note, 1 to 18 images) or `video` (one video).
    #[serde(rename = "type")]
    #[schema(example = "normal")]
    pub post_type: String,
    /// At most 20 characters.
    #[serde(default)]
    pub title: String,
    /// At most 1000 characters and 10 `#topics`.
    #[serde(default)]
    pub content: String,
    /// Absolute http(s) URLs the phone can download: a JSON array, or (as the
    /// article's integrators send it) one comma-separated string.
    #[serde(default)]
    pub image_urls: ImageUrls,
    pub cover_url: Option<String>,
    pub video_url: Option<String>,
}

impl PostInput {
    pub fn raw(&self) -> RawPost {
        RawPost {
            post_type: self.post_type.trim().to_owned(),
            title: self.title.clone(),
            content: self.content.clone(),
            image_urls: match &self.image_urls {
                ImageUrls::List(v) => v.clone(),
                ImageUrls::Text(t) => parse_image_list_text(t),
            },
            cover_url: self.cover_url.clone(),
            video_url: self.video_url.clone(),
        }
    }
}

/// What gets stored for a draft that passed the rules.
pub fn fields(d: &PostDraft) -> PostFields {
    PostFields {
        post_type: d.post_type.as_str().to_owned(),
        title: d.title.as_str().to_owned(),
        content: d.body.as_str().to_owned(),
        cover_url: d.cover.as_ref().map(|u| u.as_str().to_owned()),
        image_urls: d.images.iter().map(|u| u.as_str().to_owned()).collect(),
        video_url: d.video.as_ref().map(|u| u.as_str().to_owned()),
    }
}

/// A replacement for a stored post.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PostUpdate {
    #[serde(flatten)]
    pub post: PostInput,
    /// The version this edit started from.
    pub version: i32,
}

/// One page of posts, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostPage {
    pub items: Vec<Post>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page size, 1 to 100 (default 20).
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Only this type: `normal` or `video`.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub post_type: Option<String>,
    /// Text to find in title or body.
    pub q: Option<String>,
}

/// One rule's verdict.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreflightCheck {
    /// e.g. `max_chars`, `media_count`, `reachable_from_phone`.
    pub rule: String,
    pub field: String,
    /// `ok`, `warning` or `error`.
    #[schema(example = "ok")]
    pub level: String,
    pub message: String,
    /// For counting rules: what was counted (e.g. 12 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<u64>,
    /// For counting rules: the bound (e.g. 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

/// Every rule's verdict on a draft: errors block publishing, warnings advise.
#[derive(Debug, Serialize, ToSchema)]
pub struct Preflight {
    /// True when no check is an error.
    pub ok: bool,
    /// How many `#topics` the body has.
    pub topics: usize,
    pub checks: Vec<PreflightCheck>,
}

impl From<xhs_domain::Preflight> for Preflight {
    fn from(p: xhs_domain::Preflight) -> Self {
        Self {
            ok: p.ok,
            topics: p.topics,
            checks: p
                .checks
                .into_iter()
                .map(|c| PreflightCheck {
                    rule: c.rule.to_owned(),
                    field: c.field,
                    level: match c.level {
                        xhs_domain::Level::Ok => "ok",
                        xhs_domain::Level::Warning => "warning",
                        xhs_domain::Level::Error => "error",
                    }
                    .to_owned(),
                    message: c.message,
                    actual: c.actual,
                    limit: c.limit,
                })
                .collect(),
        }
    }
}
