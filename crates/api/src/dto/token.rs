//! API tokens for integrators (admin only). The secret is answered once, at
//! creation; lists never carry it.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xhs_domain::Role;

/// An API token, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    /// What the token may do (capped by its creator's role).
    pub role: Role,
    /// Who made it.
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    /// After this instant it is refused; null: never.
    pub expires_at: Option<DateTime<Utc>>,
    /// Updated at most about once a minute.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Set when deleted: refused from then on.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<xhs_app::team::api_tokens::ApiToken> for ApiToken {
    fn from(t: xhs_app::team::api_tokens::ApiToken) -> Self {
        Self {
            id: t.id,
            name: t.name,
            role: t.role,
            created_by: t.created_by,
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

/// Every token, newest first, revoked ones too.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenList {
    pub items: Vec<ApiToken>,
}

/// A token to create.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenInput {
    /// What it is for, 1 to 64 characters.
    #[schema(example = "crm-sync", min_length = 1, max_length = 64)]
    pub name: String,
    #[schema(value_type = Role)]
    pub role: String,
    /// In the future, before the year 10000; absent: never expires.
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub expires_at: Option<DateTime<Utc>>,
}

/// A new token and its secret: shown once, stored only as its hash.
#[derive(Serialize, ToSchema)]
pub struct TokenCreated {
    pub token: ApiToken,
    /// `Authorization: Bearer <secret>`; starts with `xhp_`.
    pub secret: String,
}
