use sea_orm::entity::prelude::*;

#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "operator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub username: String,
    /// argon2 PHC string; never leaves the persistence layer in a response.
    pub password_hash: String,
    /// Failed logins since the last success or lock.
    pub failed_logins: i32,
    /// No login, right password or not, before this instant.
    pub locked_until: Option<DateTime>,
    /// `viewer`, `operator`, `reviewer` or `admin` (`xhs_domain::Role`).
    pub role: String,
    /// A disabled operator cannot log in; its sessions end.
    pub disabled: bool,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operator")
            .field("id", &self.id)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::operator_session::Entity")]
    Session,
}

impl Related<super::operator_session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
