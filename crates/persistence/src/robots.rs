//! Robot accounts: upserted from the provider's list, keyed by its id.
use crate::entities::xhs_account::{self, Entity as AccountEntity};
use crate::values::{all, one, utc};
use crate::{now_utc, Account, PersistenceError};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use xhs_domain::AccountKind;

/// A robot as the provider lists it.
#[derive(Debug, Clone)]
pub struct RobotFields {
    pub provider_id: String,
    pub nickname: Option<String>,
    pub avatar_url: Option<String>,
    pub online: bool,
    pub captcha: bool,
    pub enabled: bool,
}

/// Creates or updates the robot with this provider id: its id, and true when
/// created. A robot deleted here comes back when the provider still lists it.
pub async fn upsert(
    db: &impl ConnectionTrait,
    r: &RobotFields,
) -> Result<(i64, bool), PersistenceError> {
    let now = now_utc();
    let name = r.nickname.clone().unwrap_or_else(|| r.provider_id.clone());
    let existing = AccountEntity::find()
        .filter(xhs_account::Column::ProviderId.eq(r.provider_id.as_str()))
        .one(db)
        .await?;
    let created = existing.is_none();
    let mut am: xhs_account::ActiveModel = match existing {
        Some(row) => row.into(),
        None => xhs_account::ActiveModel {
            kind: Set(AccountKind::Robot.as_str().to_owned()),
            provider_id: Set(Some(r.provider_id.clone())),
            notes: Set(None),
            created_at: Set(now),
            ..Default::default()
        },
    };
    am.name = Set(name.chars().take(100).collect());
    am.nickname = Set(r.nickname.clone().map(|n| n.chars().take(100).collect()));
    am.avatar_url = Set(r.avatar_url.clone().filter(|u| u.len() <= 500));
    am.online = Set(r.online);
    am.captcha = Set(r.captcha);
    am.enabled = Set(r.enabled);
    am.is_deleted = Set(false);
    am.synced_at = Set(Some(now));
    am.updated_at = Set(now);
    let saved = am.save(db).await?;
    let id = match saved.id {
        sea_orm::ActiveValue::Set(id) | sea_orm::ActiveValue::Unchanged(id) => id,
        sea_orm::ActiveValue::NotSet => {
            return Err(PersistenceError::Corrupt {
                column: "xhs_account.id",
                value: String::new(),
            })
        }
    };
    Ok((id, created))
}

/// Why the robot with this provider id got no calls before a change: None
/// when there is no such robot, `Some(None)` when it could be called.
pub async fn block_of(
    db: &impl ConnectionTrait,
    provider_id: &str,
) -> Result<Option<Option<xhs_domain::RobotBlock>>, PersistenceError> {
    Ok(AccountEntity::find()
        .filter(xhs_account::Column::ProviderId.eq(provider_id))
        .one(db)
        .await?
        .map(|m| xhs_domain::RobotBlock::of(m.online, m.enabled, m.captcha)))
}

/// What the robot list asks for; `before_id` is the keyset cursor.
#[derive(Debug, Clone, Default)]
pub struct RobotFilter {
    pub limit: u64,
    pub before_id: Option<i64>,
    /// Text in the nickname or the provider id.
    pub q: Option<String>,
    pub online: Option<bool>,
    pub enabled: Option<bool>,
    pub captcha: Option<bool>,
}

/// Live robots, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    f: &RobotFilter,
) -> Result<Vec<Account>, PersistenceError> {
    let mut cond = Condition::all()
        .add(xhs_account::Column::IsDeleted.eq(false))
        .add(xhs_account::Column::Kind.eq(AccountKind::Robot.as_str()));
    if let Some(before) = f.before_id {
        cond = cond.add(xhs_account::Column::Id.lt(before));
    }
    for (col, v) in [
        (xhs_account::Column::Online, f.online),
        (xhs_account::Column::Enabled, f.enabled),
        (xhs_account::Column::Captcha, f.captcha),
    ] {
        if let Some(v) = v {
            cond = cond.add(col.eq(v));
        }
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let pattern = format!(
            "%{}%",
            q.replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        cond = cond.add(
            Condition::any()
                .add(
                    Expr::col(xhs_account::Column::Nickname)
                        .like(LikeExpr::new(pattern.clone()).escape('\\')),
                )
                .add(
                    Expr::col(xhs_account::Column::ProviderId)
                        .like(LikeExpr::new(pattern).escape('\\')),
                ),
        );
    }
    all(AccountEntity::find()
        .filter(cond)
        .order_by_desc(xhs_account::Column::Id)
        .limit(f.limit)
        .all(db)
        .await?)
}

/// A live robot by our id.
pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Account>, PersistenceError> {
    one(AccountEntity::find_by_id(id)
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .filter(xhs_account::Column::Kind.eq(AccountKind::Robot.as_str()))
        .one(db)
        .await?)
}

/// The ids among `ids` that are live robots (one query).
pub async fn existing(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<i64>, PersistenceError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(AccountEntity::find()
        .select_only()
        .column(xhs_account::Column::Id)
        .filter(xhs_account::Column::Id.is_in(ids.iter().copied()))
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .filter(xhs_account::Column::Kind.eq(AccountKind::Robot.as_str()))
        .into_tuple()
        .all(db)
        .await?)
}

/// When robots were last synced (the newest `synced_at`).
pub async fn last_sync(
    db: &impl ConnectionTrait,
) -> Result<Option<DateTime<Utc>>, PersistenceError> {
    let t: Option<Option<chrono::NaiveDateTime>> = AccountEntity::find()
        .select_only()
        .column_as(Expr::col(xhs_account::Column::SyncedAt).max(), "t")
        .filter(xhs_account::Column::Kind.eq(AccountKind::Robot.as_str()))
        .into_tuple()
        .one(db)
        .await?;
    Ok(t.flatten().map(utc))
}
