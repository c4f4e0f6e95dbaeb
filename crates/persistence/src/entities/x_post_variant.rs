use sea_orm::entity::prelude::*;

/// A variant of a note: overrides of its fields (NULL falls back to the note).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "x_post_variant")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub post_id: i64,
    pub label: String,
    /// The label with ASCII letters lowercased: what is unique per note.
    pub label_key: String,
    pub title: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub content: Option<String>,
    /// JSON array of URLs.
    #[sea_orm(column_type = "Text", nullable)]
    pub image_urls: Option<String>,
    pub cover_url: Option<String>,
    pub position: i32,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::x_post::Entity",
        from = "Column::PostId",
        to = "super::x_post::Column::Id",
        on_delete = "Cascade"
    )]
    Post,
}

impl Related<super::x_post::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Post.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
