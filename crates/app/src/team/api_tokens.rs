//! API tokens for integrators: `xhp_` and 40 random letters and digits,
//! shown once, stored as their SHA-256 only, used as a Bearer token like a
//! session. A revoked or expired token, or one whose owner was disabled, is
//! refused at once: every request reads the row.
use crate::team::roles::parse_role;
use crate::team::sessions::{never, token_hash, Session};
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use chrono::{DateTime, Utc};
use rand::distributions::{Alphanumeric, DistString};
use secrecy::SecretString;
use xhs_domain::{bounded_text, ActorKind, FieldError, Rule, ValidationErrors};
use xhs_domain::{AuditAction, AuditTarget};
pub use xhs_persistence::api_tokens::ApiToken;
use xhs_persistence::api_tokens::{self as store, NewToken};
use xhs_persistence::{now_utc, operators};

/// Every API token starts with this, so a bearer is told from a session.
pub const PREFIX: &str = "xhp_";

/// `last_used_at` is written at most this often per token.
const TOUCH_EVERY: chrono::Duration = chrono::Duration::seconds(60);

/// A token to create, before validation.
#[derive(Debug, Clone)]
pub struct TokenInput {
    pub name: String,
    pub role: String,
    pub expires_at: Option<DateTime<Utc>>,
}

/// A new token and its secret (shown once).
pub struct CreatedToken {
    pub token: ApiToken,
    pub secret: SecretString,
}

/// Creates a token on behalf of `actor`.
pub async fn create(s: &Services, actor: &Actor, input: &TokenInput) -> AppResult<CreatedToken> {
    let mut errs = ValidationErrors::default();
    let name = errs.take(bounded_text("name", &input.name, 64, true));
    let role = errs.take(parse_role("role", &input.role));
    if let Some(e) = input.expires_at {
        errs.take(xhs_domain::check_instant("expires_at", &e));
        if e <= Utc::now() {
            errs.push(FieldError::new(
                "expires_at",
                Rule::Future,
                "expires_at must be in the future",
            ));
        }
    }
    let (Some(name), Some(role), true) = (name, role, errs.is_empty()) else {
        return Err(errs.into());
    };
    let secret = format!(
        "{PREFIX}{}",
        Alphanumeric.sample_string(&mut rand::thread_rng(), 40)
    );
    let w = s.write(actor).await?;
    let token = store::create(
        &*w,
        &NewToken {
            name: &name,
            role,
            token_hash: &token_hash(&secret),
            created_by: &actor.name,
            expires_at: input.expires_at.map(|e| e.naive_utc()),
        },
    )
    .await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Token, token.id);
    w.commit(change.detail(format!("{} as {}", token.name, token.role)))
        .await?;
    Ok(CreatedToken {
        token,
        secret: SecretString::from(secret),
    })
}

/// Every token, newest first, revoked ones too.
pub async fn list(s: &Services) -> AppResult<Vec<ApiToken>> {
    Ok(store::list(&s.db).await?)
}

/// Revokes a token: it is refused from the next request on.
pub async fn revoke(s: &Services, actor: &Actor, id: i64) -> AppResult<()> {
    let w = s.write(actor).await?;
    if !store::revoke(&*w, id).await? {
        return Err(AppError::NotFound(Resource::Token));
    }
    let change = Change::new(AuditAction::Delete, AuditTarget::Token, id);
    w.commit(change.detail("token revoked")).await
}

/// The session of an API token: live, and its owner (when a user) enabled.
/// It acts with its own role, capped by its owner's.
pub(crate) async fn session(s: &Services, secret: &str) -> AppResult<Session> {
    let hash = token_hash(secret);
    let token = store::find_live(&s.db, &hash)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let mut role = token.role;
    if let Some(owner) = operators::find_by_username(&s.db, &token.created_by).await? {
        if owner.disabled {
            return Err(AppError::Unauthenticated);
        }
        role = role.min(parse_role("role", &owner.role).map_err(|e| AppError::storage(e.message))?);
    }
    let stale_before = now_utc() - TOUCH_EVERY;
    if token
        .last_used_at
        .is_none_or(|t| t.naive_utc() < stale_before)
    {
        store::touch(&s.db, token.id, stale_before).await?;
    }
    Ok(Session {
        username: format!("token:{}", token.name),
        role,
        kind: ActorKind::Token,
        token_hash: hash,
        expires_at: token.expires_at.unwrap_or_else(never),
    })
}
