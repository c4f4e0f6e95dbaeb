//! Variants of a note: a label and overrides of the note's fields.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xhs_app::notes::variants::{Saved, Variant as Stored, VariantFields};

/// What a variant says, as a version keeps it: a field absent (null) falls
/// back to the note's own.
#[derive(Debug, Serialize, ToSchema)]
pub struct VariantOverrides {
    pub label: String,
    pub title: Option<String>,
    pub content: Option<String>,
    pub image_urls: Option<Vec<String>>,
    pub cover_url: Option<String>,
}

impl From<VariantFields> for VariantOverrides {
    fn from(f: VariantFields) -> Self {
        Self {
            label: f.label,
            title: f.title,
            content: f.content,
            image_urls: f.image_urls,
            cover_url: f.cover_url,
        }
    }
}

/// A variant of a note.
#[derive(Debug, Serialize, ToSchema)]
pub struct Variant {
    pub id: i64,
    pub post_id: i64,
    /// Unique per note; ASCII letters in either case are the same label.
    pub label: String,
    /// The title this variant uses; null: the note's.
    pub title: Option<String>,
    /// The body this variant uses; null: the note's.
    pub content: Option<String>,
    /// The images this variant uses; null: the note's.
    pub image_urls: Option<Vec<String>>,
    /// The cover this variant uses; null: the note's (or its first image).
    pub cover_url: Option<String>,
    /// Its place among the note's variants (1, 2, ...).
    pub position: i32,
    /// The note's `version` now: every change of a variant moves the note's
    /// version on; send this with the next `PUT /api/posts/{id}`.
    pub post_version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Variant {
    pub fn new(v: Stored, post_version: i32) -> Self {
        Self {
            id: v.id,
            post_id: v.post_id,
            label: v.fields.label,
            title: v.fields.title,
            content: v.fields.content,
            image_urls: v.fields.image_urls,
            cover_url: v.fields.cover_url,
            position: v.position,
            post_version,
            created_at: v.created_at,
            updated_at: v.updated_at,
        }
    }
}

impl From<Saved> for Variant {
    fn from(s: Saved) -> Self {
        Self::new(s.variant, s.post_version)
    }
}

/// The variants of a note, in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct VariantList {
    pub items: Vec<Variant>,
    /// The note's `version` now.
    pub post_version: i32,
}

/// A variant to add or to replace. A field left out, null or blank (no
/// images) falls back to the note's own. The note merged with these
/// overrides must pass the note's rules; a 422 names the field and the
/// variant.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VariantInput {
    /// 1 to 30 characters, unique per note (e.g. `A`, `品牌号版`).
    #[schema(max_length = 30)]
    pub label: String,
    /// At most 20 characters.
    #[schema(max_length = 20)]
    pub title: Option<String>,
    /// At most 1000 characters and 10 `#topics`.
    #[schema(max_length = 1000)]
    pub content: Option<String>,
    /// 1 to 18 absolute http(s) URLs (image notes).
    #[schema(max_items = 18)]
    pub image_urls: Option<Vec<String>>,
    /// At most 2048 characters once encoded.
    #[schema(max_length = 2048)]
    pub cover_url: Option<String>,
}

impl VariantInput {
    pub fn fields(self) -> VariantFields {
        VariantFields {
            label: self.label,
            title: self.title,
            content: self.content,
            image_urls: self.image_urls,
            cover_url: self.cover_url,
        }
    }
}
