use sea_orm::entity::prelude::*;

/// One (account, note) of a campaign at an instant, and what carries it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "campaign_assignment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub account_id: i64,
    pub post_id: i64,
    /// A variant of the note (no foreign key: see the migration); NULL: its own text.
    pub variant_id: Option<i64>,
    pub variant_label: Option<String>,
    /// `Channel`.
    pub channel: String,
    pub scheduled_at: DateTime,
    pub link_id: Option<i64>,
    pub task_id: Option<i64>,
    /// `AssignmentStatus`, kept by the writers of the link's record or the
    /// task; a link's `scheduled` reads as `open` once `scheduled_at` passed.
    pub status: String,
    pub reason: Option<String>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::campaign::Entity",
        from = "Column::CampaignId",
        to = "super::campaign::Column::Id",
        on_delete = "Cascade"
    )]
    Campaign,
}

impl Related<super::campaign::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Campaign.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
