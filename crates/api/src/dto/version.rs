//! A note's history: its saved versions and the difference between two.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_app::notes::versions::{PostVersion as Stored, VersionSummary};
use xhs_domain::{DiffOp, PostType};

/// Who saved a version and when.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostVersionSummary {
    /// The note's `version` once this state was saved.
    pub version: i32,
    /// Who saved it (`system` for states kept when history began).
    pub author: String,
    pub created_at: DateTime<Utc>,
    /// e.g. `restored from version 2`.
    pub note: Option<String>,
}

impl From<VersionSummary> for PostVersionSummary {
    fn from(v: VersionSummary) -> Self {
        Self {
            version: v.version,
            author: v.author,
            created_at: v.created_at,
            note: v.note,
        }
    }
}

/// The versions of a note, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostVersionList {
    pub items: Vec<PostVersionSummary>,
}

/// One saved state of a note.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostVersion {
    pub version: i32,
    pub author: String,
    pub created_at: DateTime<Utc>,
    pub note: Option<String>,
    #[serde(rename = "type")]
    pub post_type: PostType,
    pub title: String,
    pub content: String,
    pub cover_url: Option<String>,
    pub image_urls: Vec<String>,
    pub video_url: Option<String>,
    /// The note's variants as they were; null for versions saved before
    /// variants existed.
    pub variants: Option<Vec<crate::dto::variant::VariantOverrides>>,
}

impl From<Stored> for PostVersion {
    fn from(v: Stored) -> Self {
        Self {
            version: v.summary.version,
            author: v.summary.author,
            created_at: v.summary.created_at,
            note: v.summary.note,
            post_type: v.fields.post_type,
            title: v.fields.title,
            content: v.fields.content,
            cover_url: v.fields.cover_url,
            image_urls: v.fields.image_urls,
            video_url: v.fields.video_url,
            variants: v
                .variants
                .map(|all| all.into_iter().map(Into::into).collect()),
        }
    }
}

/// Which two versions to compare.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The older version (any version of the note).
    #[param(value_type = i32, minimum = 1, required)]
    pub from: Option<String>,
    /// The newer version.
    #[param(value_type = i32, minimum = 1, required)]
    pub to: Option<String>,
}

/// One line of a line diff, without its line break.
#[derive(Debug, Serialize, ToSchema)]
pub struct DiffLine {
    pub op: DiffOp,
    pub text: String,
}

/// One field that differs between the two versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldDiff {
    /// `type`, `title`, `content`, `cover_url`, `image_urls` (one URL a line),
    /// `video_url` or `variants` (a block per variant: `[label]`, then each
    /// field it overrides as `name: value`).
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub lines: Vec<DiffLine>,
}

/// What changed from version `from` to version `to`: only the fields that differ.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostDiff {
    pub from: i32,
    pub to: i32,
    pub fields: Vec<FieldDiff>,
}

impl From<xhs_app::notes::versions::PostDiff> for PostDiff {
    fn from(d: xhs_app::notes::versions::PostDiff) -> Self {
        Self {
            from: d.from,
            to: d.to,
            fields: d
                .fields
                .into_iter()
                .map(|f| FieldDiff {
                    field: f.field.to_owned(),
                    before: f.before,
                    after: f.after,
                    lines: f
                        .lines
                        .into_iter()
                        .map(|l| DiffLine {
                            op: l.op,
                            text: l.text,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
