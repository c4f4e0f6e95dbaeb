use sea_orm::entity::prelude::*;

/// One distinct file of the media library.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "media")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Hex SHA-256 of the content.
    #[sea_orm(unique)]
    pub sha256: String,
    /// `image` or `video`.
    pub kind: String,
    pub mime: String,
    pub size_bytes: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// `ab/<sha256>.<ext>`: made from the hash only.
    pub storage_key: String,
    pub thumb_key: Option<String>,
    /// The share page's rendition, 1080 px wide (images wider than that).
    pub screen_key: Option<String>,
    /// The client's filename, sanitized; metadata only, never a path.
    pub original_name: Option<String>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
