use sea_orm::entity::prelude::*;

#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "xhs_access_token")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub app_key: String,
    pub access_token: String,
    pub expires_at: DateTime,
    pub updated_at: DateTime,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XhsAccessToken")
            .field("app_key", &self.app_key)
            .field("access_token", &"[redacted]")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
