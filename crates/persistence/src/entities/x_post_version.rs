use sea_orm::entity::prelude::*;

/// One saved state of a note: its fields as they were, who saved them, when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "x_post_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub post_id: i64,
    /// The note's `version` once this state was saved.
    pub version: i32,
    pub author: String,
    pub created_at: DateTime,
    pub note: Option<String>,
    #[sea_orm(column_name = "type")]
    pub post_type: String,
    pub title: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub content: Option<String>,
    pub cover_url: Option<String>,
    /// JSON array of URLs.
    #[sea_orm(column_type = "Text", nullable)]
    pub image_urls: Option<String>,
    pub video_url: Option<String>,
    /// The note's variants as they were (JSON); NULL before variants existed.
    #[sea_orm(column_type = "Text", nullable)]
    pub variants: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::x_post::Entity",
        from = "Column::PostId",
        to = "super::x_post::Column::Id"
    )]
    Post,
}

impl Related<super::x_post::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Post.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
