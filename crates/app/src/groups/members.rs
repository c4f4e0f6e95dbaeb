//! A group's members: added many at once (again is a no-op), taken out one
//! at a time. Only live accounts may join.
use super::GroupDetail;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use std::collections::HashSet;
use xhs_domain::{AuditAction, AuditTarget, FieldError, Rule, ValidationErrors};
use xhs_persistence::{accounts, groups as store};

/// The most accounts one request adds (a large class, a fleet).
pub const MAX_ADDED: usize = 1000;

/// Adds the accounts to the group, all or none: an unknown or deleted
/// account is a 422 naming `account_ids[i]`.
pub async fn add_members(
    s: &Services,
    actor: &Actor,
    id: i64,
    account_ids: &[i64],
) -> AppResult<GroupDetail> {
    if account_ids.is_empty() {
        return Err(FieldError::new(
            "account_ids",
            Rule::Required,
            "account_ids must name at least one account",
        )
        .into());
    }
    if account_ids.len() > MAX_ADDED {
        let e = FieldError::new(
            "account_ids",
            Rule::MaxItems,
            format!("at most {MAX_ADDED} accounts at once"),
        );
        return Err(e.counts(account_ids.len(), MAX_ADDED).into());
    }
    let txn = s.write(actor).await?;
    if store::find(&*txn, id).await?.is_none() {
        return Err(AppError::NotFound(Resource::Group));
    }
    let found = accounts::find_any(&*txn, account_ids).await?;
    let live: HashSet<i64> = found
        .iter()
        .filter(|a| !a.is_deleted)
        .map(|a| a.id)
        .collect();
    let missing: Vec<FieldError> = account_ids
        .iter()
        .enumerate()
        .filter(|(_, a)| !live.contains(a))
        .map(|(i, a)| {
            FieldError::new(
                format!("account_ids[{i}]"),
                Rule::Exists,
                format!("no account {a} (or it was deleted)"),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(ValidationErrors(missing).into());
    }
    store::add_members(&*txn, id, account_ids).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Group, id);
    let detail = format!("{} account(s) added", account_ids.len());
    txn.commit(change.detail(detail)).await?;
    super::get(s, id).await
}

/// Takes the account out of the group; 404 when the group is unknown, and
/// nothing to do when the account was not in it.
pub async fn remove_member(s: &Services, actor: &Actor, id: i64, account_id: i64) -> AppResult<()> {
    let txn = s.write(actor).await?;
    if store::find(&*txn, id).await?.is_none() {
        return Err(AppError::NotFound(Resource::Group));
    }
    store::remove_member(&*txn, id, account_id).await?;
    let change = Change::new(AuditAction::Delete, AuditTarget::Group, id);
    txn.commit(change.detail(format!("account {account_id} taken out")))
        .await
}
