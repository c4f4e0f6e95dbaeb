use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "share_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub link_id: i64,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub kind: String,
    pub reason: Option<String>,
    /// `YYYY-MM-DD` in the statistics' time zone (`stats.timezone`) when the
    /// event arrived, so every backend groups by day alike.
    pub day: String,
    /// Where a tap went (`xhs`, `douyin`, …); NULL for page-level events.
    pub platform: Option<String>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
