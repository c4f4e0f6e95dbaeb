//! Queries and mutations over `media`, and the check whether a live post
//! still uses an item (posts refer to media by URL, which contains the hash).
use crate::entities::media::{self, Entity as MediaEntity};
use crate::entities::x_post;
use crate::values::{all, one};
use crate::Media;
use crate::{now_utc, PersistenceError};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use xhs_domain::MediaKind;

/// A checked, stored upload to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMedia {
    pub sha256: String,
    pub kind: MediaKind,
    pub mime: String,
    pub size_bytes: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub storage_key: String,
    pub thumb_key: Option<String>,
    pub screen_key: Option<String>,
    pub original_name: Option<String>,
}

/// What the list asks for; `before_id` is the keyset cursor (newest first).
#[derive(Debug, Clone, Default)]
pub struct MediaFilter {
    pub limit: u64,
    pub before_id: Option<i64>,
    pub kind: Option<MediaKind>,
}

/// Inserts a row; `UniqueViolation` when the same content was recorded
/// meanwhile (two uploads of one file racing).
pub async fn create(db: &impl ConnectionTrait, m: &NewMedia) -> Result<Media, PersistenceError> {
    let row = media::ActiveModel {
        sha256: Set(m.sha256.clone()),
        kind: Set(m.kind.as_str().to_owned()),
        mime: Set(m.mime.clone()),
        size_bytes: Set(m.size_bytes),
        width: Set(m.width),
        height: Set(m.height),
        storage_key: Set(m.storage_key.clone()),
        thumb_key: Set(m.thumb_key.clone()),
        screen_key: Set(m.screen_key.clone()),
        original_name: Set(m.original_name.clone()),
        created_at: Set(now_utc()),
        ..Default::default()
    };
    Media::try_from(row.insert(db).await?)
}

/// One item by id.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Media>, PersistenceError> {
    one(MediaEntity::find_by_id(id).one(db).await?)
}

/// The item with this content, if it was uploaded before.
pub async fn find_by_sha256(
    db: &impl ConnectionTrait,
    sha256: &str,
) -> Result<Option<Media>, PersistenceError> {
    one(MediaEntity::find()
        .filter(media::Column::Sha256.eq(sha256))
        .one(db)
        .await?)
}

/// The items with these hashes (those that exist), in no particular order.
pub async fn find_by_sha256s(
    db: &impl ConnectionTrait,
    hashes: &[String],
) -> Result<Vec<Media>, PersistenceError> {
    if hashes.is_empty() {
        return Ok(Vec::new());
    }
    all(MediaEntity::find()
        .filter(media::Column::Sha256.is_in(hashes.iter().cloned()))
        .all(db)
        .await?)
}

/// Items newest first; at most `limit` rows.
pub async fn list(
    db: &impl ConnectionTrait,
    f: &MediaFilter,
) -> Result<Vec<Media>, PersistenceError> {
    let mut cond = Condition::all();
    if let Some(before) = f.before_id {
        cond = cond.add(media::Column::Id.lt(before));
    }
    if let Some(kind) = &f.kind {
        cond = cond.add(media::Column::Kind.eq(kind.as_str()));
    }
    all(MediaEntity::find()
        .filter(cond)
        .order_by_desc(media::Column::Id)
        .limit(f.limit)
        .all(db)
        .await?)
}

/// Removes the row; false when there was none.
pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    Ok(MediaEntity::delete_by_id(id).exec(db).await?.rows_affected == 1)
}

/// How many live posts use the content with this hash as an image, cover or
/// video. Media URLs end in `/media/ab/<sha256>.<ext>`, so the hash finds them
/// whatever the public URL was when the post was saved.
pub async fn live_posts_using(
    db: &impl ConnectionTrait,
    sha256: &str,
) -> Result<u64, PersistenceError> {
    let (Some(dir), true) = (
        sha256.get(..2),
        sha256.bytes().all(|b| b.is_ascii_hexdigit()),
    ) else {
        return Ok(0);
    };
    // Hex digits only: nothing in the pattern needs LIKE escaping.
    let pattern = format!("%/media/{dir}/{sha256}%");
    let uses = Condition::any()
        .add(Expr::col(x_post::Column::ImageUrls).like(pattern.clone()))
        .add(Expr::col(x_post::Column::CoverUrl).like(pattern.clone()))
        .add(Expr::col(x_post::Column::VideoUrl).like(pattern));
    Ok(x_post::Entity::find()
        .filter(x_post::Column::IsDeleted.eq(false))
        .filter(uses)
        .count(db)
        .await?)
}
