use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "xhs_account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub nickname: Option<String>,
    pub kind: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    pub is_deleted: bool,
    /// The robot provider's id (robot accounts only).
    pub provider_id: Option<String>,
    pub avatar_url: Option<String>,
    pub online: bool,
    pub captcha: bool,
    pub enabled: bool,
    pub synced_at: Option<DateTime>,
    /// The account's 小红书号, when known (a roster import matches by it).
    pub xhs_id: Option<String>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
