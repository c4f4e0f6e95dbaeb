use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    #[schema(example = "admin", min_length = 1, max_length = 64)]
    pub username: String,
    /// Never logged or echoed; at most 1024 characters.
    #[schema(min_length = 1, max_length = 1024)]
    pub password: String,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoginRequest")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// Bearer token for `Authorization: Bearer <token>`. Shown once; the server keeps only its hash.
    pub token: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// Who is calling and what they may do.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// The user's name, or `token:<name>` for an API token.
    pub username: String,
    /// What the caller may do: each role includes the ones before it
    /// (viewer, operator, reviewer, admin).
    pub role: xhs_domain::Role,
    /// When the current session ends (an API token without expiry:
    /// 9999-12-31T23:59:59Z).
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// Notes need a reviewer's approval before links and dispatch
    /// (`XHSPUB__WORKFLOW__APPROVAL`).
    pub approval_required: bool,
}
