//! The audit log as the API reads it (admin only; nothing writes it here).
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::{ActorKind, AuditAction, AuditTarget};

/// One thing someone did.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The username, `token:<name>`, or for a failed login the name tried.
    pub actor: String,
    pub actor_kind: ActorKind,
    pub action: AuditAction,
    pub target_type: Option<AuditTarget>,
    pub target_id: Option<i64>,
    /// The client's address (the forwarding headers' only when configured).
    pub client_ip: Option<String>,
    /// A short description; never a secret.
    pub detail: Option<String>,
}

impl From<xhs_app::team::audit::AuditEntry> for AuditEntry {
    fn from(e: xhs_app::team::audit::AuditEntry) -> Self {
        Self {
            id: e.id,
            at: e.at,
            actor: e.actor,
            actor_kind: e.actor_kind,
            action: e.action,
            target_type: e.target_type,
            target_id: e.target_id,
            client_ip: e.client_ip,
            detail: e.detail,
        }
    }
}

/// One page of entries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// The log's filters, a page size and a cursor.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Exactly this actor (a username, or `token:<name>`).
    #[param(max_length = 80)]
    pub actor: Option<String>,
    #[param(value_type = Option<AuditAction>)]
    pub action: Option<String>,
    #[param(value_type = Option<AuditTarget>)]
    pub target_type: Option<String>,
    pub target_id: Option<i64>,
    /// From this instant on (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Before this instant (exclusive).
    pub to: Option<DateTime<Utc>>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
}
