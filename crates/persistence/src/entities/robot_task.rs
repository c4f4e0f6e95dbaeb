use sea_orm::entity::prelude::*;

/// One note sent by one robot account through the provider.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "robot_task")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub post_id: i64,
    pub robot_id: i64,
    pub function: String,
    pub status: String,
    #[sea_orm(unique)]
    pub request_id: String,
    pub provider_task_id: Option<String>,
    pub reason: Option<String>,
    pub not_before: DateTime,
    pub wait_until: Option<DateTime>,
    pub sent_at: Option<DateTime>,
    pub finished_at: Option<DateTime>,
    pub note_url: Option<String>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<DateTime>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
    /// The variant of the note it sends; NULL: the note's own text.
    pub variant_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
