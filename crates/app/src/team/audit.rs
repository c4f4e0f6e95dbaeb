//! The audit log: who did what, when, from where. Entries are only ever
//! appended: by every write in its own transaction ([`crate::Write::commit`]),
//! and by login attempts; the API reads them, newest first, and nothing else.
use crate::paging::PageRequest;
use crate::{AppResult, Services};
use chrono::{DateTime, Utc};
use xhs_domain::{bounded_text, AuditAction, AuditTarget, FieldError, Rule, ValidationErrors};
use xhs_persistence::audit::{self as store, AuditFilter};
pub use xhs_persistence::audit::{AuditEntry, NewEntry};

/// Appends one entry.
pub async fn record(s: &Services, entry: &NewEntry) -> AppResult<()> {
    Ok(store::append(&s.db, entry).await?)
}

/// The list's query as it came, before validation.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub target_type: Option<String>,
    pub target_id: Option<i64>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub cursor: Option<String>,
    pub limit: Option<u64>,
}

/// A page of entries matching the query, newest first, and the next cursor.
pub async fn list(s: &Services, q: &AuditQuery) -> AppResult<(Vec<AuditEntry>, Option<String>)> {
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let mut filter = check_filter(q, &mut errs);
    if !errs.is_empty() {
        return Err(errs.into());
    }
    filter.before_id = page.before_id;
    filter.limit = page.fetch();
    let rows = store::list(&s.db, &filter).await?;
    Ok(page.finish(rows, |e| e.id))
}

/// The list's filters (the export's too; `cursor` and `limit` aside), their
/// problems added to `errs`.
pub(crate) fn check_filter(q: &AuditQuery, errs: &mut ValidationErrors) -> AuditFilter {
    let actor = q
        .actor
        .as_deref()
        .and_then(|a| errs.take(bounded_text("actor", a, 80, false)))
        .filter(|a| !a.is_empty());
    let action = q
        .action
        .as_deref()
        .and_then(|v| errs.take(AuditAction::parse_field("action", v)));
    let target_type = q
        .target_type
        .as_deref()
        .and_then(|v| errs.take(AuditTarget::parse_field("target_type", v)));
    for (field, t) in [("from", &q.from), ("to", &q.to)] {
        if let Some(t) = t {
            errs.take(xhs_domain::check_instant(field, t));
        }
    }
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if from > to {
            errs.push(FieldError::new(
                "to",
                Rule::Range,
                "to must not lie before from",
            ));
        }
    }
    AuditFilter {
        actor,
        action,
        target_type,
        target_id: q.target_id,
        from: q.from.map(|t| t.naive_utc()),
        to: q.to.map(|t| t.naive_utc()),
        before_id: None,
        limit: 0,
    }
}
