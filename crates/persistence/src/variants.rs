//! Variants of a note (`x_post_variant`): each overrides some of the note's
//! fields; a field left `None` falls back to the note's own. Labels are
//! unique per note (a clash is `UniqueViolation`).
use crate::entities::x_post_variant::{self, Entity as XPostVariant};
use crate::posts::image_json;
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a variant says: its label and the fields it overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantFields {
    pub label: String,
    pub title: Option<String>,
    pub content: Option<String>,
    pub image_urls: Option<Vec<String>>,
    pub cover_url: Option<String>,
}

/// A stored variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub id: i64,
    pub post_id: i64,
    /// Its place among the note's variants (1, 2, ...).
    pub position: i32,
    pub fields: VariantFields,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What is unique about a label: ASCII letters in either case are the same.
pub fn label_key(label: &str) -> String {
    label.to_ascii_lowercase()
}

impl From<x_post_variant::Model> for Variant {
    fn from(m: x_post_variant::Model) -> Self {
        Self {
            id: m.id,
            post_id: m.post_id,
            position: m.position,
            fields: VariantFields {
                label: m.label,
                title: m.title,
                content: m.content,
                image_urls: m
                    .image_urls
                    .as_deref()
                    .map(xhs_domain::parse_image_list_text),
                cover_url: m.cover_url,
            },
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        }
    }
}

async fn next_position(db: &impl ConnectionTrait, post_id: i64) -> Result<i32, PersistenceError> {
    let max: Option<Option<i32>> = XPostVariant::find()
        .select_only()
        .column_as(x_post_variant::Column::Position.max(), "m")
        .filter(x_post_variant::Column::PostId.eq(post_id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(max.flatten().unwrap_or(0) + 1)
}

async fn insert(
    db: &impl ConnectionTrait,
    post_id: i64,
    position: i32,
    f: &VariantFields,
) -> Result<Variant, PersistenceError> {
    let now = now_utc();
    let m = x_post_variant::ActiveModel {
        post_id: Set(post_id),
        label: Set(f.label.clone()),
        label_key: Set(label_key(&f.label)),
        title: Set(f.title.clone()),
        content: Set(f.content.clone()),
        image_urls: Set(f.image_urls.as_deref().map(image_json)),
        cover_url: Set(f.cover_url.clone()),
        position: Set(position),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.into())
}

/// A new variant after the note's last one.
pub async fn create(
    db: &impl ConnectionTrait,
    post_id: i64,
    f: &VariantFields,
) -> Result<Variant, PersistenceError> {
    let position = next_position(db, post_id).await?;
    insert(db, post_id, position, f).await
}

/// The variants of one note, in order.
pub async fn list(
    db: &impl ConnectionTrait,
    post_id: i64,
) -> Result<Vec<Variant>, PersistenceError> {
    Ok(variants_of(db, &[post_id])
        .await?
        .remove(&post_id)
        .unwrap_or_default())
}

/// The variants of many notes, each note's in order (notes without any are
/// absent). The campaign planner deals these out.
pub async fn variants_of(
    db: &impl ConnectionTrait,
    post_ids: &[i64],
) -> Result<HashMap<i64, Vec<Variant>>, PersistenceError> {
    let mut out: HashMap<i64, Vec<Variant>> = HashMap::new();
    if post_ids.is_empty() {
        return Ok(out);
    }
    let rows = XPostVariant::find()
        .filter(x_post_variant::Column::PostId.is_in(post_ids.iter().copied()))
        .order_by_asc(x_post_variant::Column::PostId)
        .order_by_asc(x_post_variant::Column::Position)
        .order_by_asc(x_post_variant::Column::Id)
        .all(db)
        .await?;
    for m in rows {
        out.entry(m.post_id).or_default().push(m.into());
    }
    Ok(out)
}

pub async fn find(
    db: &impl ConnectionTrait,
    post_id: i64,
    id: i64,
) -> Result<Option<Variant>, PersistenceError> {
    Ok(XPostVariant::find_by_id(id)
        .filter(x_post_variant::Column::PostId.eq(post_id))
        .one(db)
        .await?
        .map(Variant::from))
}

/// Replaces what a variant says (its place stays); `None` when the note
/// has no such variant.
pub async fn update(
    db: &impl ConnectionTrait,
    post_id: i64,
    id: i64,
    f: &VariantFields,
) -> Result<Option<Variant>, PersistenceError> {
    let Some(m) = XPostVariant::find_by_id(id)
        .filter(x_post_variant::Column::PostId.eq(post_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let mut am: x_post_variant::ActiveModel = m.into();
    am.label = Set(f.label.clone());
    am.label_key = Set(label_key(&f.label));
    am.title = Set(f.title.clone());
    am.content = Set(f.content.clone());
    am.image_urls = Set(f.image_urls.as_deref().map(image_json));
    am.cover_url = Set(f.cover_url.clone());
    am.updated_at = Set(now_utc());
    Ok(Some(am.update(db).await?.into()))
}

/// Deletes one variant; false when the note has no such variant.
pub async fn delete(
    db: &impl ConnectionTrait,
    post_id: i64,
    id: i64,
) -> Result<bool, PersistenceError> {
    let res = XPostVariant::delete_many()
        .filter(x_post_variant::Column::Id.eq(id))
        .filter(x_post_variant::Column::PostId.eq(post_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Deletes every variant of a note (explicitly: a note is soft-deleted, and
/// SQLite enforces the cascade only with `foreign_keys` on).
pub async fn delete_all(db: &impl ConnectionTrait, post_id: i64) -> Result<(), PersistenceError> {
    XPostVariant::delete_many()
        .filter(x_post_variant::Column::PostId.eq(post_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Makes `all` (in order) the note's variants: what a restored version or a
/// copied note has.
pub async fn replace_all(
    db: &impl ConnectionTrait,
    post_id: i64,
    all: &[VariantFields],
) -> Result<(), PersistenceError> {
    delete_all(db, post_id).await?;
    for (i, f) in all.iter().enumerate() {
        insert(db, post_id, i as i32 + 1, f).await?;
    }
    Ok(())
}

/// The note's variants as a version keeps them (JSON, in order).
pub async fn snapshot(db: &impl ConnectionTrait, post_id: i64) -> Result<String, PersistenceError> {
    let fields: Vec<VariantFields> = list(db, post_id)
        .await?
        .into_iter()
        .map(|v| v.fields)
        .collect();
    serde_json::to_string(&fields).map_err(|e| PersistenceError::Corrupt {
        column: "x_post_version.variants",
        value: e.to_string().chars().take(40).collect(),
    })
}

/// Reads a version's variants; a malformed value is a corrupt row.
pub fn read_snapshot(json: &str) -> Result<Vec<VariantFields>, PersistenceError> {
    serde_json::from_str(json).map_err(|_| PersistenceError::Corrupt {
        column: "x_post_version.variants",
        value: json.chars().take(40).collect(),
    })
}
