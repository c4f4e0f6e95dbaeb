//! The one way a use case writes: [`Services::write`] begins the transaction
//! (SQLite's write lock first), the use case runs on it, and
//! [`Write::commit`] appends the audit entry the use case describes in that
//! same transaction, commits, and then tells the link cache. So no change
//! stands without its entry, and every writer (the console, an API token, the
//! robot provider's calls, a worker) clears the cache the same way.
use crate::{AppResult, Services};
use xhs_domain::{ActorKind, AuditAction, AuditTarget};
use xhs_persistence::audit::{self, NewEntry};
use xhs_persistence::DatabaseTransaction;

/// Who makes a change, as the audit log names them.
#[derive(Debug, Clone)]
pub struct Actor {
    /// A username, `token:{name}`, or `provider`.
    pub name: String,
    pub kind: ActorKind,
    /// The client's address as the trusted proxies tell it.
    pub client_ip: Option<String>,
}

impl Actor {
    /// The robot provider, calling back or pushing events (it proved itself
    /// with the Merchant-Token).
    pub fn provider(client_ip: Option<String>) -> Self {
        Self {
            name: "provider".into(),
            kind: ActorKind::Provider,
            client_ip,
        }
    }
}

impl Actor {
    /// The server itself: work nobody asked for in a request.
    pub fn system() -> Self {
        Self {
            name: "system".into(),
            kind: ActorKind::System,
            client_ip: None,
        }
    }
}

/// What a write did, as its audit entry records it.
#[derive(Debug, Clone)]
pub struct Change {
    pub action: AuditAction,
    pub target_type: Option<AuditTarget>,
    pub target_id: Option<i64>,
    /// A short line for people (never a secret).
    pub detail: Option<String>,
}

impl Change {
    pub fn new(action: AuditAction, target_type: AuditTarget, target_id: i64) -> Self {
        Self {
            action,
            target_type: Some(target_type),
            target_id: Some(target_id),
            detail: None,
        }
    }

    /// A change about no one record (a logout, a sync of everything).
    pub fn of_all(action: AuditAction, target_type: Option<AuditTarget>) -> Self {
        Self {
            action,
            target_type,
            target_id: None,
            detail: None,
        }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// A write in progress: its transaction, and who makes it. Dropped without
/// [`Write::commit`], it rolls back.
pub struct Write<'a> {
    s: &'a Services,
    actor: &'a Actor,
    txn: DatabaseTransaction,
}

impl std::ops::Deref for Write<'_> {
    type Target = DatabaseTransaction;
    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

impl Services {
    /// Begins a write by `actor`.
    pub async fn write<'a>(&'a self, actor: &'a Actor) -> AppResult<Write<'a>> {
        let txn = xhs_persistence::begin_write(&self.db).await?;
        Ok(Write {
            s: self,
            actor,
            txn,
        })
    }
}

impl Write<'_> {
    /// Appends `change`'s audit entry, commits, then tells the link cache
    /// (any change may alter what a link resolves to).
    pub async fn commit(self, change: Change) -> AppResult<()> {
        let entry = NewEntry {
            actor: self.actor.name.clone(),
            actor_kind: self.actor.kind,
            action: change.action,
            target_type: change.target_type,
            target_id: change.target_id,
            client_ip: self.actor.client_ip.clone(),
            detail: change.detail,
        };
        audit::append(&self.txn, &entry).await?;
        self.txn.commit().await?;
        self.s.link_cache.changed().await;
        Ok(())
    }
}
