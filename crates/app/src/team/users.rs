//! Users and their roles, managed by an admin. A new user or a password
//! reset gets a generated password (shown once) unless one is given;
//! disabling, a role change and a reset end the user's sessions at once; the
//! last enabled admin cannot be demoted or disabled.
use crate::team::auth::{hash_password, random_password};
use crate::team::roles::parse_role;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use secrecy::{ExposeSecret, SecretString};
use xhs_domain::{bounded_text, FieldError, Role, Rule, ValidationErrors};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_persistence::sessions;
pub use xhs_persistence::users::User;
use xhs_persistence::users::{self as store, UserChange};

/// Shortest password an admin may set for someone.
pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_CHARS: usize = 1024;

/// A user to create, before validation.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub role: String,
    pub password: Option<SecretString>,
}

/// What to change about a user, before validation.
#[derive(Debug, Clone, Default)]
pub struct UserUpdate {
    pub role: Option<String>,
    pub disabled: Option<bool>,
    pub reset_password: bool,
}

/// A user and, when it was generated, their new password (shown once).
pub struct WithPassword {
    pub user: User,
    pub password: Option<SecretString>,
}

fn check_username(name: &str) -> Result<String, FieldError> {
    let name = bounded_text("username", name, 64, true)?;
    if name.chars().any(char::is_whitespace) || name.starts_with("token:") {
        return Err(FieldError::new(
            "username",
            Rule::WellFormed,
            "username must hold no spaces and not start with token:",
        ));
    }
    Ok(name)
}

fn check_password(p: &SecretString) -> Result<(), FieldError> {
    let n = p.expose_secret().chars().count();
    if (MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&n) {
        return Ok(());
    }
    let (rule, limit) = if n < MIN_PASSWORD_CHARS {
        (Rule::Range, MIN_PASSWORD_CHARS)
    } else {
        (Rule::MaxChars, MAX_PASSWORD_CHARS)
    };
    Err(FieldError::new(
        "password",
        rule,
        format!("password must have {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters"),
    )
    .counts(n, limit))
}

pub async fn list(s: &Services) -> AppResult<Vec<User>> {
    Ok(store::list(&s.db).await?)
}

/// Creates a user; a taken username is a conflict.
pub async fn create(s: &Services, actor: &Actor, input: NewUser) -> AppResult<WithPassword> {
    let mut errs = ValidationErrors::default();
    let username = errs.take(check_username(&input.username));
    let role = errs.take(parse_role("role", &input.role));
    if let Some(p) = &input.password {
        errs.take(check_password(p));
    }
    let (Some(username), Some(role), true) = (username, role, errs.is_empty()) else {
        return Err(errs.into());
    };
    let (password, generated) = match input.password {
        Some(p) => (p, None),
        None => {
            let p = SecretString::from(random_password());
            (p.clone(), Some(p))
        }
    };
    let hash = hash_password(password).await?;
    let w = s.write(actor).await?;
    let user = store::create(&*w, &username, &hash, role).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::User, user.id);
    w.commit(change.detail(format!("{} as {}", user.username, user.role)))
        .await?;
    Ok(WithPassword {
        user,
        password: generated,
    })
}

/// Changes a user's role, disabled flag and/or password, in one transaction
/// with the end of their sessions.
pub async fn update(
    s: &Services,
    actor: &Actor,
    id: i64,
    input: UserUpdate,
) -> AppResult<WithPassword> {
    let role = match &input.role {
        Some(r) => Some(parse_role("role", r)?),
        None => None,
    };
    let generated = input
        .reset_password
        .then(|| SecretString::from(random_password()));
    let password_hash = match &generated {
        Some(p) => Some(hash_password(p.clone()).await?),
        None => None,
    };
    let txn = s.write(actor).await?;
    let before = store::find(&*txn, id)
        .await?
        .ok_or(AppError::NotFound(Resource::User))?;
    let stays_admin =
        role.unwrap_or(before.role) == Role::Admin && !input.disabled.unwrap_or(before.disabled);
    if before.role == Role::Admin
        && !before.disabled
        && !stays_admin
        && store::other_enabled_admins(&*txn, id).await? == 0
    {
        return Err(AppError::LastAdmin);
    }
    let change = UserChange {
        role,
        disabled: input.disabled,
        password_hash,
    };
    store::update(&*txn, id, &change).await?;
    let ends_sessions = role.is_some_and(|r| r != before.role)
        || input.disabled == Some(true)
        || change.password_hash.is_some();
    if ends_sessions {
        sessions::delete_for_operator(&*txn, id).await?;
    }
    let user = store::find(&*txn, id)
        .await?
        .ok_or(AppError::NotFound(Resource::User))?;
    let mut what = Vec::new();
    if let Some(r) = role {
        what.push(format!("role {r}"));
    }
    match input.disabled {
        Some(true) => what.push("disabled".to_owned()),
        Some(false) => what.push("enabled".to_owned()),
        None => {}
    }
    if generated.is_some() {
        what.push("password reset".to_owned());
    }
    let audit = Change::new(AuditAction::Update, AuditTarget::User, id);
    txn.commit(audit.detail(format!("{}: {}", user.username, what.join(", "))))
        .await?;
    Ok(WithPassword {
        user,
        password: generated,
    })
}
