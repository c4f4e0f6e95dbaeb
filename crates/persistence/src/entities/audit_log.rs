use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTime,
    pub actor: String,
    /// `xhs_domain::ActorKind`.
    pub actor_kind: String,
    /// `xhs_domain::AuditAction`.
    pub action: String,
    /// `xhs_domain::AuditTarget`.
    pub target_type: Option<String>,
    pub target_id: Option<i64>,
    pub client_ip: Option<String>,
    pub detail: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
