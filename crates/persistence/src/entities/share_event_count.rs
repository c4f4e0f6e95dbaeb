use sea_orm::entity::prelude::*;

/// How many events of one kind a link had on one day for one platform.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "share_event_count")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub link_id: i64,
    pub post_id: i64,
    pub account_id: Option<i64>,
    /// `YYYY-MM-DD` in the statistics' time zone, as on `share_event`.
    pub day: String,
    pub kind: String,
    /// Where a tap went; '' for page-level events (a NULL would defeat the
    /// unique key).
    pub platform: String,
    pub n: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
