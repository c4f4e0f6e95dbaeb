use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "publish_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub post_id: i64,
    pub account_id: i64,
    pub link_id: Option<i64>,
    pub status: String,
    pub failure_reason: Option<String>,
    pub note_url: Option<String>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
    /// The platform of the event that moved the record last.
    pub platform: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
