//! The accounts list with its group and name filters, each account with
//! its groups (fetched together, not one query per account).
use super::GroupRef;
use crate::{AppResult, Services};
use xhs_domain::{bounded_text, parse_account_kind, FieldError, Rule, ValidationErrors};
use xhs_persistence::accounts::{self as store, AccountFilter};
use xhs_persistence::{groups, Account};

/// The list's filters as the query string has them.
#[derive(Debug, Clone, Default)]
pub struct AccountListQuery {
    pub kind: Option<String>,
    pub group_id: Option<i64>,
    pub q: Option<String>,
}

/// Every live account that passes the filters, by id, with its groups.
/// An unknown `group_id` is a 422 naming it (not an empty list that looks
/// like an empty group).
pub async fn list_accounts(
    s: &Services,
    query: &AccountListQuery,
) -> AppResult<Vec<(Account, Vec<GroupRef>)>> {
    let mut errs = ValidationErrors::default();
    let kind = match query.kind.as_deref() {
        Some(k) => errs.take(parse_account_kind(k)).map(Some),
        None => Some(None),
    };
    let q = match query.q.as_deref() {
        Some(q) => errs.take(bounded_text("q", q, 50, false)).map(Some),
        None => Some(None),
    };
    if let Some(g) = query.group_id {
        if groups::find(&s.db, g).await?.is_none() {
            errs.push(FieldError::new(
                "group_id",
                Rule::Exists,
                format!("no group {g}"),
            ));
        }
    }
    let (Some(kind), Some(q)) = (kind, q) else {
        return Err(errs.into());
    };
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let filter = AccountFilter {
        kind,
        group_id: query.group_id,
        q,
    };
    let accounts = store::list_matching(&s.db, &filter).await?;
    let ids: Vec<i64> = accounts.iter().map(|a| a.id).collect();
    let mut of = groups::of_accounts(&s.db, &ids).await?;
    Ok(accounts
        .into_iter()
        .map(|a| {
            let g = of.remove(&a.id).unwrap_or_default();
            (a, g)
        })
        .collect())
}

/// The groups of one account, by name.
pub async fn groups_of(s: &Services, account_id: i64) -> AppResult<Vec<GroupRef>> {
    Ok(groups::of_accounts(&s.db, &[account_id])
        .await?
        .remove(&account_id)
        .unwrap_or_default())
}
