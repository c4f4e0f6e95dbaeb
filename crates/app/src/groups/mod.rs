//! Groups of accounts (班级, 分组, issue 19 item 1): this folder owns
//! creating, renaming and deleting groups (`mod.rs`), their members
//! (`members.rs`), and the accounts list filtered by group and name with
//! each account's groups (`accounts.rs`). Deleting a group keeps its
//! accounts; an account may be in several groups; names are unique, ASCII
//! letters in either case being the same name.
mod accounts;
mod members;

pub use accounts::{groups_of, list_accounts, AccountListQuery};
pub use members::{add_members, remove_member};
pub use xhs_persistence::groups::{Group, GroupRef};

use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::{bounded_text, AuditAction, AuditTarget, FieldError, Rule, ValidationErrors};
use xhs_persistence::groups as store;
use xhs_persistence::PersistenceError;

/// A group with the ids of its live accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDetail {
    pub group: Group,
    pub account_ids: Vec<i64>,
}

fn parse_name(name: &str) -> Result<String, FieldError> {
    bounded_text("name", name, 50, true)
}

/// A taken name answers 422 naming `name`, not a bare conflict.
fn taken(name: &str) -> impl FnOnce(PersistenceError) -> AppError + '_ {
    move |e| match e {
        PersistenceError::UniqueViolation => {
            AppError::Validation(ValidationErrors(vec![FieldError::new(
                "name",
                Rule::Unique,
                format!("a group named '{name}' exists"),
            )]))
        }
        other => other.into(),
    }
}

pub async fn create(s: &Services, actor: &Actor, name: &str) -> AppResult<GroupDetail> {
    let name = parse_name(name)?;
    let w = s.write(actor).await?;
    let group = store::create(&*w, &name).await.map_err(taken(&name))?;
    let change = Change::new(AuditAction::Create, AuditTarget::Group, group.id);
    w.commit(change.detail(name)).await?;
    Ok(GroupDetail {
        group,
        account_ids: Vec::new(),
    })
}

/// Every group, by name, with its number of live accounts.
pub async fn list(s: &Services) -> AppResult<Vec<Group>> {
    Ok(store::list(&s.db).await?)
}

pub async fn get(s: &Services, id: i64) -> AppResult<GroupDetail> {
    let group = store::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Group))?;
    let account_ids = store::member_ids(&s.db, id).await?;
    Ok(GroupDetail { group, account_ids })
}

pub async fn rename(s: &Services, actor: &Actor, id: i64, name: &str) -> AppResult<GroupDetail> {
    let name = parse_name(name)?;
    let w = s.write(actor).await?;
    store::rename(&*w, id, &name)
        .await
        .map_err(taken(&name))?
        .ok_or(AppError::NotFound(Resource::Group))?;
    let change = Change::new(AuditAction::Update, AuditTarget::Group, id);
    w.commit(change.detail(name)).await?;
    get(s, id).await
}

/// Deletes the group and its memberships in one transaction; the accounts stay.
pub async fn delete(s: &Services, actor: &Actor, id: i64) -> AppResult<()> {
    let w = s.write(actor).await?;
    if !store::delete(&*w, id).await? {
        return Err(AppError::NotFound(Resource::Group));
    }
    let change = Change::new(AuditAction::Delete, AuditTarget::Group, id);
    w.commit(change.detail("group deleted; its accounts stay"))
        .await
}
