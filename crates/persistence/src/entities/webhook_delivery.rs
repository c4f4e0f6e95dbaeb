use sea_orm::entity::prelude::*;

/// One event for one endpoint, claimed by a worker with a lease.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_delivery")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub webhook_id: i64,
    pub event_id: i64,
    /// The `webhook-id` header (`msg_…`), the same on every attempt.
    #[sea_orm(unique)]
    pub msg_id: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTime>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<DateTime>,
    pub last_status_code: Option<i32>,
    pub last_attempt_at: Option<DateTime>,
    pub last_error: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_response_body: Option<String>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
