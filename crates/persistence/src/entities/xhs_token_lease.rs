use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "xhs_token_lease")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub app_key: String,
    /// The instance that may fetch until `lease_until`.
    pub owner: String,
    pub lease_until: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
