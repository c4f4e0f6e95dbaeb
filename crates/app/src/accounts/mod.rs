//! The XHS accounts a team publishes from. Deleting is soft: links and
//! records keep their account.
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::{
    bounded_text, parse_account_kind, parse_xhs_id, FieldError, Rule, ValidationErrors,
};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_persistence::accounts::{self as store, AccountFields};
use xhs_persistence::Account;

/// An account to create or replace, before validation.
#[derive(Debug, Clone, Default)]
pub struct AccountInput {
    pub name: String,
    pub nickname: Option<String>,
    pub kind: String,
    pub notes: Option<String>,
    /// The 小红书号: `None` keeps it (an update), blank clears it.
    pub xhs_id: Option<String>,
}

pub(crate) fn parse(i: &AccountInput) -> Result<AccountFields, ValidationErrors> {
    let mut errs = ValidationErrors::default();
    let opt = |field: &str, v: &Option<String>, max| {
        bounded_text(field, v.as_deref().unwrap_or(""), max, false)
            .map(|t| Some(t).filter(|t| !t.is_empty()))
    };
    let name = errs.take(bounded_text("name", &i.name, 50, true));
    let nickname = errs.take(opt("nickname", &i.nickname, 50));
    let kind = errs.take(parse_account_kind(i.kind.trim()).and_then(|k| {
        if k == xhs_domain::AccountKind::Robot {
            Err(xhs_domain::FieldError::new(
                "kind",
                xhs_domain::Rule::OneOf,
                "robot accounts come from the provider: sync them with POST /api/robots/sync",
            ))
        } else {
            Ok(k)
        }
    }));
    let notes = errs.take(opt("notes", &i.notes, 500));
    let xhs_id = match i.xhs_id.as_deref() {
        Some(x) => errs.take(parse_xhs_id("xhs_id", x)).map(Some),
        None => Some(None),
    };
    match (name, nickname, kind, notes, xhs_id) {
        (Some(name), Some(nickname), Some(kind), Some(notes), Some(xhs_id)) if errs.is_empty() => {
            Ok(AccountFields {
                name,
                nickname,
                kind,
                notes,
                xhs_id,
            })
        }
        _ => Err(errs),
    }
}

/// One 小红书号 names one live account: checked in the write's transaction.
async fn check_unique_xhs_id(
    w: &crate::Write<'_>,
    f: &AccountFields,
    except: Option<i64>,
) -> AppResult<()> {
    let Some(Some(x)) = &f.xhs_id else {
        return Ok(());
    };
    if store::xhs_id_taken(&**w, x, except).await? {
        return Err(ValidationErrors(vec![FieldError::new(
            "xhs_id",
            Rule::Unique,
            format!("another account has the 小红书号 {x}"),
        )])
        .into());
    }
    Ok(())
}

pub async fn create(s: &Services, actor: &Actor, input: &AccountInput) -> AppResult<Account> {
    let fields = parse(input)?;
    let w = s.write(actor).await?;
    check_unique_xhs_id(&w, &fields, None).await?;
    let account = store::create(&*w, &fields).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Account, account.id);
    w.commit(change.detail(format!("{} ({})", account.name, account.kind)))
        .await?;
    Ok(account)
}

pub async fn get(s: &Services, id: i64) -> AppResult<Account> {
    store::find_live(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Account))
}

/// Every live account, optionally of one kind.
pub async fn list(s: &Services, kind: Option<&str>) -> AppResult<Vec<Account>> {
    let kind = match kind {
        Some(k) => Some(parse_account_kind(k)?),
        None => None,
    };
    Ok(store::list_live(&s.db, kind).await?)
}

pub async fn update(
    s: &Services,
    actor: &Actor,
    id: i64,
    input: &AccountInput,
) -> AppResult<Account> {
    let fields = parse(input)?;
    let w = s.write(actor).await?;
    check_unique_xhs_id(&w, &fields, Some(id)).await?;
    let account = store::update(&*w, id, &fields)
        .await?
        .ok_or(AppError::NotFound(Resource::Account))?;
    let change = Change::new(AuditAction::Update, AuditTarget::Account, id);
    w.commit(change.detail(account.name.clone())).await?;
    Ok(account)
}

pub async fn delete(s: &Services, actor: &Actor, id: i64) -> AppResult<()> {
    let w = s.write(actor).await?;
    if !store::soft_delete(&*w, id).await? {
        return Err(AppError::NotFound(Resource::Account));
    }
    let change = Change::new(AuditAction::Delete, AuditTarget::Account, id);
    w.commit(change.detail("account deleted")).await
}
