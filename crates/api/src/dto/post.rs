use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::{parse_image_list_text, PostType, RawPost, ReviewStatus};

/// A note draft as stored.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Post {
    pub id: i64,
    /// `normal` (image note) or `video`.
    #[serde(rename = "type")]
    pub post_type: PostType,
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
    /// Where the note stands in the approval workflow. Saving an approved
    /// note sends it back to `draft`.
    pub review_status: ReviewStatus,
    /// The last review's comment (why changes were requested, or an approval's note).
    pub review_comment: Option<String>,
    /// Who last approved the note or sent it back.
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Share-page counts; filled by the list only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<xhs_app::stats::Totals>,
}

impl From<xhs_app::Post> for Post {
    fn from(p: xhs_app::Post) -> Self {
        Self {
            id: p.id,
            post_type: p.post_type,
            title: p.title,
            content: p.content,
            cover_url: p.cover_url,
            image_urls: p.image_urls,
            video_url: p.video_url,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
            review_status: p.review_status,
            review_comment: p.review_comment,
            reviewed_by: p.reviewed_by,
            reviewed_at: p.reviewed_at,
            totals: None,
        }
    }
}

/// Image URLs as a JSON array, or (as the article's integrators send them) one
/// comma-separated string.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ImageUrls {
    List(Vec<String>),
    Text(String),
}

impl utoipa::PartialSchema for ImageUrls {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Type};
        let url = || {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(MAX_URL))
        };
        let list = ArrayBuilder::new().items(url()).max_items(Some(MAX_IMAGES));
        let text = ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(MAX_IMAGES * (MAX_URL + 1)));
        OneOfBuilder::new()
            .item(list)
            .item(text)
            .description(Some("1 to 18 URLs for `normal`, none for `video`; each at most 2048 characters once encoded"))
            .into()
    }
}

impl utoipa::ToSchema for ImageUrls {}

const MAX_URL: usize = xhs_domain::MAX_URL_CHARS;
const MAX_IMAGES: usize = xhs_domain::MAX_IMAGES;

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
    #[schema(value_type = PostType)]
    pub post_type: String,
    /// At most 20 characters.
    #[serde(default)]
    #[schema(max_length = 20)]
    pub title: String,
    /// At most 1000 characters and 10 `#topics`.
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub content: String,
    /// Absolute http(s) URLs the phone can download: a JSON array, or (as the
    /// article's integrators send it) one comma-separated string.
    #[serde(default)]
    pub image_urls: ImageUrls,
    /// At most 2048 characters once encoded.
    #[schema(max_length = 2048)]
    pub cover_url: Option<String>,
    /// Required for `video`; at most 2048 characters once encoded.
    #[schema(max_length = 2048)]
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

/// A replacement for a stored post.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PostUpdate {
    #[serde(flatten)]
    pub post: PostInput,
    /// The version this edit started from.
    #[schema(minimum = 1)]
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
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
    /// Only this type: `normal` or `video`.
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = Option<PostType>)]
    pub post_type: Option<String>,
    /// Text to find in title or body, at most 100 characters.
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// Only notes in this review status (the review queue: `in_review`).
    #[param(value_type = Option<ReviewStatus>)]
    pub review_status: Option<String>,
}

/// Every rule's verdict on a draft: errors block publishing, warnings advise.
#[derive(Debug, Serialize, ToSchema)]
pub struct Preflight {
    /// True when no check is an error.
    pub ok: bool,
    /// How many `#topics` the body has.
    pub topics: usize,
    pub checks: Vec<xhs_domain::Check>,
    /// Whether the note can go to each platform, and why not.
    pub platforms: Vec<PlatformPreflight>,
}

/// One platform's verdict on a note.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlatformPreflight {
    pub platform: xhs_domain::SharePlatform,
    /// The name people know it by, e.g. 抖音.
    pub name: String,
    pub handoff: xhs_domain::Handoff,
    /// False when XHS's rules or this platform's own refuse the note.
    pub ok: bool,
    /// False when the server has no credentials for it: Douyin (links then do
    /// not offer it) or XHS (links still offer it; phones get the copy kit).
    pub configured: bool,
    /// This platform's own checks (XHS's are in `checks`).
    pub checks: Vec<xhs_domain::Check>,
}

impl Preflight {
    /// The domain's verdict, with which platforms this server can sign for.
    pub fn new(p: xhs_domain::Preflight, app: &xhs_app::Services) -> Self {
        Self {
            ok: p.ok,
            topics: p.topics,
            checks: p.checks,
            platforms: p
                .platforms
                .into_iter()
                .map(|v| PlatformPreflight {
                    platform: v.platform,
                    name: v.name.to_owned(),
                    handoff: v.handoff,
                    ok: v.ok,
                    configured: xhs_app::links::handoff::configured(app, v.platform),
                    checks: v.checks,
                })
                .collect(),
        }
    }
}
