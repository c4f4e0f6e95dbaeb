use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "share_link")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub token: String,
    pub post_id: i64,
    pub account_id: Option<i64>,
    pub label: Option<String>,
    pub expires_at: Option<DateTime>,
    pub revoked_at: Option<DateTime>,
    pub created_at: DateTime,
    /// Comma-separated platforms the link offers; NULL: XHS only (older links).
    pub platforms: Option<String>,
    /// Before this the link shows when it opens and hands nothing over; NULL: open.
    pub not_before: Option<DateTime>,
    /// The variant of the note it serves; NULL: the note's own text.
    pub variant_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::x_post::Entity",
        from = "Column::PostId",
        to = "super::x_post::Column::Id"
    )]
    Post,
    #[sea_orm(
        belongs_to = "super::xhs_account::Entity",
        from = "Column::AccountId",
        to = "super::xhs_account::Column::Id"
    )]
    Account,
}

impl Related<super::x_post::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Post.def()
    }
}

impl Related<super::xhs_account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Account.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
