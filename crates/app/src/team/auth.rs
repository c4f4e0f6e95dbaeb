//! Operators and their sessions: argon2 password hashes, opaque bearer tokens
//! stored only as their SHA-256, first start and password reset.
pub use super::sessions::{never, token_hash, Session};
use crate::{AppError, AppResult, Services};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::{DateTime, Utc};
use rand::distributions::{Alphanumeric, DistString};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use xhs_domain::{ActorKind, Role};
use xhs_persistence::{now_utc, operators, posts, sessions, utc, DatabaseConnection};

/// A new login: the token is shown once and stored only as its hash.
pub struct Login {
    pub token: SecretString,
    pub expires_at: DateTime<Utc>,
    pub username: String,
}

/// A random password for a generated login (20 letters and digits).
pub fn random_password() -> String {
    Alphanumeric.sample_string(&mut rand::thread_rng(), 20)
}

/// Hashes a password with argon2id (default parameters) off the async threads.
pub async fn hash_password(password: SecretString) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.expose_secret().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::storage(format!("hashing failed: {e}")))
    })
    .await
    .map_err(AppError::storage)?
}

/// A fixed, valid argon2id hash of a random string nobody knows.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$qIEsXnQ3tvsJk4oBCjEXhmOoV5O2kFSWXcAsvbbLvPg";

/// Checks a password against a stored hash. With no stored hash (unknown user)
/// it still does the work, so timing does not tell which usernames exist.
async fn verify_password(password: SecretString, stored: Option<String>) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || {
        let stored_ref = stored.as_deref().unwrap_or(DUMMY_HASH);
        let parsed = PasswordHash::new(stored_ref)
            .map_err(|e| AppError::storage(format!("bad stored hash: {e}")))?;
        let ok = Argon2::default()
            .verify_password(password.expose_secret().as_bytes(), &parsed)
            .is_ok();
        Ok(ok && stored.is_some())
    })
    .await
    .map_err(AppError::storage)?
}

/// Logs an operator in from `client` (its address): a new session, or
/// invalid credentials. A known and an unknown name cost the same work and
/// are counted alike ([`crate::team::login_guard`]).
pub async fn login(
    s: &Services,
    username: &str,
    password: SecretString,
    client: &str,
) -> AppResult<Login> {
    use crate::team::login_guard::Admission;
    let name = username.trim();
    match s.logins.admit(name, client).await {
        Admission::Locked(retry_after_secs) => {
            return Err(AppError::LoginLocked { retry_after_secs })
        }
        Admission::Slowed(wait) => tokio::time::sleep(wait).await,
        Admission::Go => {}
    }
    let operator = operators::find_by_username(&s.db, name).await?;
    let stored = operator.as_ref().map(|o| o.password_hash.clone());
    let verified = verify_password(password, stored).await?;
    // A disabled user is refused like a wrong password, after the same work.
    if !verified || operator.as_ref().is_some_and(|o| o.disabled) {
        s.logins.failed(name, client).await;
        tracing::warn!("failed login");
        return Err(AppError::InvalidCredentials);
    }
    let operator = operator.ok_or(AppError::InvalidCredentials)?;
    s.logins.succeeded(name, client).await;
    sessions::purge_expired(&s.db).await?;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let expires_at = now_utc() + s.settings.session_ttl;
    sessions::create(&s.db, operator.id, &token_hash(&token), expires_at).await?;
    Ok(Login {
        token: SecretString::from(token),
        expires_at: utc(expires_at),
        username: operator.username,
    })
}

/// The live session of a bearer token (a user's session or an API token),
/// or unauthenticated.
pub async fn session(s: &Services, token: &str) -> AppResult<Session> {
    if token.starts_with(crate::team::api_tokens::PREFIX) {
        return crate::team::api_tokens::session(s, token).await;
    }
    let hash = token_hash(token);
    let (session, operator) = sessions::find_live(&s.db, &hash)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(Session {
        role: operator
            .role
            .parse()
            .map_err(|_| AppError::storage("operator.role holds an unknown role"))?,
        kind: ActorKind::User,
        username: operator.username,
        token_hash: hash,
        expires_at: utc(session.expires_at),
    })
}

/// Ends a session; its token stops working at once.
pub async fn logout(s: &Services, actor: &crate::Actor, session: &Session) -> AppResult<()> {
    let w = s.write(actor).await?;
    sessions::delete(&*w, &session.token_hash).await?;
    let change = crate::Change::of_all(xhs_domain::AuditAction::Logout, None);
    w.commit(change.detail("session ended")).await
}

/// Creates an operator (with `role`, `admin` when none) or resets its
/// password (and role, when given); a reset ends its sessions, in the same
/// transaction. True when the operator was created.
pub async fn set_password(
    db: &DatabaseConnection,
    username: &str,
    password: SecretString,
    role: Option<Role>,
) -> AppResult<bool> {
    let username = username.trim();
    if username.is_empty() || username.chars().count() > 64 {
        return Err(xhs_domain::FieldError::new(
            "username",
            xhs_domain::Rule::MaxChars,
            "the username must have 1 to 64 characters",
        )
        .into());
    }
    let hash = hash_password(password).await?;
    let txn = xhs_persistence::begin_write(db).await?;
    let created = operators::upsert_password(&txn, username, &hash, role).await?;
    if !created {
        if let Some(op) = operators::find_by_username(&txn, username).await? {
            sessions::delete_for_operator(&txn, op.id).await?;
        }
    }
    txn.commit().await?;
    Ok(created)
}

/// What the first start created, for the terminal (never the log).
#[derive(Default)]
pub struct FirstStart {
    /// The `admin` password when it was generated (None when configured or
    /// when operators existed already).
    pub generated_password: Option<SecretString>,
    pub admin_created: bool,
    /// The demo post's id, when one was created.
    pub demo_post: Option<i64>,
}

/// First start: an `admin` operator and (when `demo_post`) a demo post, so
/// there is something to see. Does nothing once operators and posts exist.
pub async fn first_start(
    s: &Services,
    admin_password: Option<SecretString>,
    demo_post: bool,
) -> AppResult<FirstStart> {
    let mut out = FirstStart::default();
    if operators::count(&s.db).await? == 0 {
        let password = match admin_password {
            Some(p) => p,
            None => {
                let p = SecretString::from(random_password());
                out.generated_password = Some(p.clone());
                p
            }
        };
        set_password(&s.db, "admin", password, Some(Role::Admin)).await?;
        out.admin_created = true;
    }
    if demo_post && posts::count_live(&s.db).await? == 0 {
        out.demo_post = Some(crate::notes::demo::create(s).await?);
    }
    Ok(out)
}

/// Removes expired sessions (a background worker calls this).
pub async fn purge_expired_sessions(s: &Services) -> AppResult<u64> {
    Ok(sessions::purge_expired(&s.db).await?)
}
