//! The audit log: appended to, read newest first, never changed.
use crate::entities::audit_log::{self, Entity as Audit};
use crate::values::{all, parse};
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Select, Set,
};
use xhs_domain::{ActorKind, AuditAction, AuditTarget};

/// One thing someone did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub actor_kind: ActorKind,
    pub action: AuditAction,
    pub target_type: Option<AuditTarget>,
    pub target_id: Option<i64>,
    pub client_ip: Option<String>,
    pub detail: Option<String>,
}

impl TryFrom<audit_log::Model> for AuditEntry {
    type Error = PersistenceError;
    fn try_from(m: audit_log::Model) -> Result<Self, PersistenceError> {
        Ok(Self {
            id: m.id,
            at: utc(m.at),
            actor_kind: parse("audit_log.actor_kind", &m.actor_kind)?,
            action: parse("audit_log.action", &m.action)?,
            target_type: m
                .target_type
                .as_deref()
                .map(|t| parse("audit_log.target_type", t))
                .transpose()?,
            actor: m.actor,
            target_id: m.target_id,
            client_ip: m.client_ip,
            detail: m.detail,
        })
    }
}

/// An entry to append (`at` is now).
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub actor: String,
    pub actor_kind: ActorKind,
    pub action: AuditAction,
    pub target_type: Option<AuditTarget>,
    pub target_id: Option<i64>,
    pub client_ip: Option<String>,
    pub detail: Option<String>,
}

/// Keeps at most `max` characters (the columns' widths).
fn cut(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

pub async fn append(db: &impl ConnectionTrait, e: &NewEntry) -> Result<(), PersistenceError> {
    audit_log::ActiveModel {
        at: Set(now_utc()),
        actor: Set(cut(&e.actor, 80)),
        actor_kind: Set(e.actor_kind.as_str().to_owned()),
        action: Set(e.action.as_str().to_owned()),
        target_type: Set(e.target_type.map(|t| t.as_str().to_owned())),
        target_id: Set(e.target_id),
        client_ip: Set(e.client_ip.as_deref().map(|c| cut(c, 64))),
        detail: Set(e.detail.as_deref().map(|d| cut(d, 500))),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Which entries a page holds.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    pub target_type: Option<AuditTarget>,
    pub target_id: Option<i64>,
    /// From this instant on (inclusive).
    pub from: Option<NaiveDateTime>,
    /// Before this instant (exclusive).
    pub to: Option<NaiveDateTime>,
    pub before_id: Option<i64>,
    pub limit: u64,
}

/// Entries matching `f`, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    f: &AuditFilter,
) -> Result<Vec<AuditEntry>, PersistenceError> {
    all(list_query(f).all(db).await?)
}

/// The list's query (public so a test can read its plan).
pub fn list_query(f: &AuditFilter) -> Select<Audit> {
    use audit_log::Column as C;
    let mut cond = Condition::all();
    if let Some(a) = &f.actor {
        cond = cond.add(C::Actor.eq(a.clone()));
    }
    if let Some(a) = f.action {
        cond = cond.add(C::Action.eq(a.as_str()));
    }
    if let Some(t) = f.target_type {
        cond = cond.add(C::TargetType.eq(t.as_str()));
    }
    if let Some(id) = f.target_id {
        cond = cond.add(C::TargetId.eq(id));
    }
    if let Some(from) = f.from {
        cond = cond.add(C::At.gte(from));
    }
    if let Some(to) = f.to {
        cond = cond.add(C::At.lt(to));
    }
    if let Some(before) = f.before_id {
        cond = cond.add(C::Id.lt(before));
    }
    Audit::find()
        .filter(cond)
        .order_by_desc(C::Id)
        .limit(f.limit)
}
