//! The users API (admin only): users, their roles, and the one-time
//! passwords of a creation or a reset.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xhs_domain::Role;

/// A user of the console.
#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub role: Role,
    /// A disabled user cannot log in; their sessions ended when disabled.
    pub disabled: bool,
    /// Locked after too many failed logins until this instant.
    pub locked_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<xhs_app::team::users::User> for User {
    fn from(u: xhs_app::team::users::User) -> Self {
        Self {
            id: u.id,
            username: u.username,
            role: u.role,
            disabled: u.disabled,
            locked_until: u.locked_until,
            created_at: u.created_at,
            updated_at: u.updated_at,
        }
    }
}

/// Every user, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<User>,
}

/// A user to create.
#[derive(Deserialize, ToSchema)]
pub struct UserInput {
    /// 1 to 64 characters, no spaces.
    #[schema(example = "operator1", min_length = 1, max_length = 64)]
    pub username: String,
    #[schema(value_type = Role)]
    pub role: String,
    /// 12 to 1024 characters; generated (and answered once) when absent.
    #[schema(min_length = 12, max_length = 1024)]
    pub password: Option<String>,
}

impl std::fmt::Debug for UserInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserInput")
            .field("username", &self.username)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// A created user and, when it was generated, their password: shown once.
#[derive(Serialize, ToSchema)]
pub struct UserCreated {
    pub user: User,
    /// The generated password; null when the request gave one.
    pub password: Option<String>,
}

/// What to change about a user; absent fields stay as they are. A role
/// change, disabling and a reset end the user's sessions at once.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UserUpdate {
    #[schema(value_type = Option<Role>)]
    pub role: Option<String>,
    pub disabled: Option<bool>,
    /// Generate a new password (answered once) and lift a login lock.
    pub reset_password: Option<bool>,
}

/// The changed user and, after a reset, the new password: shown once.
#[derive(Serialize, ToSchema)]
pub struct UserUpdated {
    pub user: User,
    /// The new generated password when `reset_password`; else null.
    pub password: Option<String>,
}
