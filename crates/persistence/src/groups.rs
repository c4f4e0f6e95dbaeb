//! Groups of accounts (班级, 分组) and their members. A group is deleted
//! for good, its memberships with it; the accounts stay. Member lists and
//! counts leave out deleted accounts.
use crate::entities::account_group::{self, Entity as GroupEntity};
use crate::entities::account_group_member::{self as member, Entity as MemberEntity};
use crate::entities::xhs_account;
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, Set,
};
use std::collections::HashMap;

/// A group and how many live accounts it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub member_count: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A group as an account names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRef {
    pub id: i64,
    pub name: String,
}

/// What is unique about a name: ASCII letters in either case are the same
/// name on every backend.
pub fn name_key(name: &str) -> String {
    name.to_ascii_lowercase()
}

fn group(m: account_group::Model, member_count: u64) -> Group {
    Group {
        id: m.id,
        name: m.name,
        member_count,
        created_at: utc(m.created_at),
        updated_at: utc(m.updated_at),
    }
}

/// A new group; a name taken (in any ASCII case) is `UniqueViolation`.
pub async fn create(db: &impl ConnectionTrait, name: &str) -> Result<Group, PersistenceError> {
    let now = now_utc();
    let m = account_group::ActiveModel {
        name: Set(name.to_owned()),
        name_key: Set(name_key(name)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(group(m, 0))
}

/// Live members per group, for the groups given (all when `None`).
async fn counts(
    db: &impl ConnectionTrait,
    only: Option<i64>,
) -> Result<HashMap<i64, u64>, PersistenceError> {
    let mut q = MemberEntity::find()
        .select_only()
        .column(member::Column::GroupId)
        .column_as(member::Column::AccountId.count(), "n")
        .join(JoinType::InnerJoin, member::Relation::Account.def())
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .group_by(member::Column::GroupId);
    if let Some(id) = only {
        q = q.filter(member::Column::GroupId.eq(id));
    }
    let rows: Vec<(i64, i64)> = q.into_tuple().all(db).await?;
    Ok(rows
        .into_iter()
        .map(|(g, n)| (g, n.max(0) as u64))
        .collect())
}

/// Every group, by name.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<Group>, PersistenceError> {
    let counts = counts(db, None).await?;
    let rows = GroupEntity::find()
        .order_by_asc(account_group::Column::NameKey)
        .order_by_asc(account_group::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let n = counts.get(&m.id).copied().unwrap_or(0);
            group(m, n)
        })
        .collect())
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Group>, PersistenceError> {
    let Some(m) = GroupEntity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let n = counts(db, Some(id)).await?.get(&id).copied().unwrap_or(0);
    Ok(Some(group(m, n)))
}

/// Renames a group; `None` when there is none.
pub async fn rename(
    db: &impl ConnectionTrait,
    id: i64,
    name: &str,
) -> Result<Option<Group>, PersistenceError> {
    let Some(m) = GroupEntity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let mut am: account_group::ActiveModel = m.into();
    am.name = Set(name.to_owned());
    am.name_key = Set(name_key(name));
    am.updated_at = Set(now_utc());
    am.update(db).await?;
    find(db, id).await
}

/// Deletes a group and its memberships (explicitly: SQLite enforces the
/// cascade only with `foreign_keys` on); false when there was none.
pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    MemberEntity::delete_many()
        .filter(member::Column::GroupId.eq(id))
        .exec(db)
        .await?;
    Ok(GroupEntity::delete_by_id(id).exec(db).await?.rows_affected == 1)
}

/// The live accounts of a group, by id.
pub async fn member_ids(db: &impl ConnectionTrait, id: i64) -> Result<Vec<i64>, PersistenceError> {
    Ok(MemberEntity::find()
        .select_only()
        .column(member::Column::AccountId)
        .join(JoinType::InnerJoin, member::Relation::Account.def())
        .filter(member::Column::GroupId.eq(id))
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .order_by_asc(member::Column::AccountId)
        .into_tuple()
        .all(db)
        .await?)
}

/// Adds accounts to a group; ones already in it stay as they are.
pub async fn add_members(
    db: &impl ConnectionTrait,
    id: i64,
    account_ids: &[i64],
) -> Result<(), PersistenceError> {
    let now = now_utc();
    // PostgreSQL refuses to touch one row twice in one upsert.
    let mut ids = account_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for chunk in ids.chunks(500) {
        let rows = chunk.iter().map(|a| member::ActiveModel {
            group_id: Set(id),
            account_id: Set(*a),
            created_at: Set(now),
        });
        MemberEntity::insert_many(rows)
            .on_conflict(
                // A no-op update, not `do_nothing`: sea-query writes that as
                // MySQL's invalid `ON DUPLICATE KEY IGNORE`.
                OnConflict::columns([member::Column::GroupId, member::Column::AccountId])
                    .update_column(member::Column::GroupId)
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Takes an account out of a group; false when it was not in it.
pub async fn remove_member(
    db: &impl ConnectionTrait,
    id: i64,
    account_id: i64,
) -> Result<bool, PersistenceError> {
    let r = MemberEntity::delete_many()
        .filter(member::Column::GroupId.eq(id))
        .filter(member::Column::AccountId.eq(account_id))
        .exec(db)
        .await?;
    Ok(r.rows_affected > 0)
}

/// The groups of each account given, by name, in one query per 500 accounts.
pub async fn of_accounts(
    db: &impl ConnectionTrait,
    account_ids: &[i64],
) -> Result<HashMap<i64, Vec<GroupRef>>, PersistenceError> {
    let mut out: HashMap<i64, Vec<GroupRef>> = HashMap::new();
    for chunk in account_ids.chunks(500) {
        let rows: Vec<(i64, i64, String)> = MemberEntity::find()
            .select_only()
            .column(member::Column::AccountId)
            .column(account_group::Column::Id)
            .column(account_group::Column::Name)
            .join(JoinType::InnerJoin, member::Relation::Group.def())
            .filter(member::Column::AccountId.is_in(chunk.iter().copied()))
            .order_by_asc(account_group::Column::NameKey)
            .order_by_asc(account_group::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        for (account, id, name) in rows {
            out.entry(account).or_default().push(GroupRef { id, name });
        }
    }
    Ok(out)
}
