use sea_orm::entity::prelude::*;

/// An integrator's endpoint: where events are POSTed, signed with `secret`.
#[derive(Clone, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub url: String,
    /// A JSON array of event types.
    #[sea_orm(column_type = "Text")]
    pub events: String,
    pub description: String,
    pub enabled: bool,
    /// `whsec_…`: never listed, logged or audited.
    pub secret: String,
    /// The secret before the last rotation, still signing until `previous_secret_until`.
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<DateTime>,
    pub failing_since: Option<DateTime>,
    pub disabled_reason: Option<String>,
    pub disabled_at: Option<DateTime>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

// Debug by hand: a model printed in a log line must not carry the secrets.
impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("webhook::Model")
            .field("id", &self.id)
            .field("url", &self.url)
            .field("enabled", &self.enabled)
            .finish_non_exhaustive()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
