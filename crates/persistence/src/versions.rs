//! Queries over `x_post_version`: every saved state of a note.
use crate::entities::x_post_version::{self, Entity as XPostVersion};
use crate::posts::{image_json, PostFields};
use crate::values::utc;
use crate::variants::{self, VariantFields};
use crate::{now_utc, PersistenceError, Post};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

/// One saved state of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostVersion {
    pub summary: VersionSummary,
    pub fields: PostFields,
    /// The note's variants as they were; `None` for versions saved before
    /// variants existed.
    pub variants: Option<Vec<VariantFields>>,
}

/// Who saved a version, when, and why (a restore says so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionSummary {
    pub version: i32,
    pub author: String,
    pub created_at: DateTime<Utc>,
    pub note: Option<String>,
}

impl TryFrom<x_post_version::Model> for PostVersion {
    type Error = PersistenceError;
    fn try_from(m: x_post_version::Model) -> Result<Self, PersistenceError> {
        let post_type = m.post_type.parse().map_err(|_| PersistenceError::Corrupt {
            column: "x_post_version.type",
            value: m.post_type.chars().take(40).collect(),
        })?;
        let variants = m
            .variants
            .as_deref()
            .map(variants::read_snapshot)
            .transpose()?;
        Ok(Self {
            variants,
            summary: VersionSummary {
                version: m.version,
                author: m.author,
                created_at: utc(m.created_at),
                note: m.note,
            },
            fields: PostFields {
                post_type,
                title: m.title.unwrap_or_default(),
                content: m.content.unwrap_or_default(),
                cover_url: m.cover_url,
                image_urls: m
                    .image_urls
                    .as_deref()
                    .map(xhs_domain::parse_image_list_text)
                    .unwrap_or_default(),
                video_url: m.video_url,
            },
        })
    }
}

/// Keeps the post's stored state, its variants included, as its version
/// `post.version`.
pub async fn record(
    db: &impl ConnectionTrait,
    post: &Post,
    author: &str,
    note: Option<&str>,
) -> Result<(), PersistenceError> {
    let f = PostFields::from(post);
    let variants = variants::snapshot(db, post.id).await?;
    x_post_version::ActiveModel {
        post_id: Set(post.id),
        version: Set(post.version),
        author: Set(author.to_owned()),
        created_at: Set(now_utc()),
        note: Set(note.map(str::to_owned)),
        post_type: Set(f.post_type.as_str().to_owned()),
        title: Set(Some(f.title)),
        content: Set(Some(f.content)),
        cover_url: Set(f.cover_url),
        image_urls: Set(Some(image_json(&f.image_urls))),
        video_url: Set(f.video_url),
        variants: Set(Some(variants)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Every version of a note, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    post_id: i64,
) -> Result<Vec<VersionSummary>, PersistenceError> {
    let rows: Vec<(i32, String, chrono::NaiveDateTime, Option<String>)> = XPostVersion::find()
        .select_only()
        .column(x_post_version::Column::Version)
        .column(x_post_version::Column::Author)
        .column(x_post_version::Column::CreatedAt)
        .column(x_post_version::Column::Note)
        .filter(x_post_version::Column::PostId.eq(post_id))
        .order_by_desc(x_post_version::Column::Version)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(version, author, created_at, note)| VersionSummary {
            version,
            author,
            created_at: utc(created_at),
            note,
        })
        .collect())
}

/// One version of a note.
pub async fn find(
    db: &impl ConnectionTrait,
    post_id: i64,
    version: i32,
) -> Result<Option<PostVersion>, PersistenceError> {
    XPostVersion::find()
        .filter(x_post_version::Column::PostId.eq(post_id))
        .filter(x_post_version::Column::Version.eq(version))
        .one(db)
        .await?
        .map(PostVersion::try_from)
        .transpose()
}
