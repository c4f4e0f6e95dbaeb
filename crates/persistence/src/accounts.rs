//! The XHS accounts a team publishes from. Deleting is soft: links and records keep their account.
use crate::entities::xhs_account::{self, Entity as AccountEntity};
use crate::values::{all, one};
use crate::{now_utc, Account, PersistenceError};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use xhs_domain::AccountKind;

/// The writable fields of an account, already validated.
#[derive(Debug, Clone)]
pub struct AccountFields {
    pub name: String,
    pub nickname: Option<String>,
    pub kind: AccountKind,
    pub notes: Option<String>,
    /// The 小红书号: `None` leaves it as it is (an update), `Some(None)` clears it.
    pub xhs_id: Option<Option<String>>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    f: &AccountFields,
) -> Result<Account, PersistenceError> {
    let now = now_utc();
    Account::try_from(
        xhs_account::ActiveModel {
            name: Set(f.name.clone()),
            nickname: Set(f.nickname.clone()),
            kind: Set(f.kind.as_str().to_owned()),
            notes: Set(f.notes.clone()),
            xhs_id: Set(f.xhs_id.clone().flatten()),
            is_deleted: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?,
    )
}

pub async fn find_live(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<Account>, PersistenceError> {
    one(live_row(db, id).await?)
}

async fn live_row(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<xhs_account::Model>, PersistenceError> {
    Ok(AccountEntity::find_by_id(id)
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .one(db)
        .await?)
}

/// One account, deleted or not (for naming it in old links and records).
pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Account>, PersistenceError> {
    one(AccountEntity::find_by_id(id).one(db).await?)
}

/// Any account, deleted or not (for naming it in old links and records).
pub async fn find_any(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<Account>, PersistenceError> {
    all(AccountEntity::find()
        .filter(xhs_account::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

/// The names of accounts by id, deleted or not (a campaign's progress
/// names a thousand at once: the name column alone).
pub async fn names(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, String>, PersistenceError> {
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, String)> = AccountEntity::find()
            .select_only()
            .column(xhs_account::Column::Id)
            .column(xhs_account::Column::Name)
            .filter(xhs_account::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        out.extend(rows);
    }
    Ok(out)
}

pub async fn list_live(
    db: &impl ConnectionTrait,
    kind: Option<AccountKind>,
) -> Result<Vec<Account>, PersistenceError> {
    let mut q = AccountEntity::find().filter(xhs_account::Column::IsDeleted.eq(false));
    if let Some(k) = kind {
        q = q.filter(xhs_account::Column::Kind.eq(k.as_str()));
    }
    all(q.order_by_asc(xhs_account::Column::Id).all(db).await?)
}

pub async fn update(
    db: &impl ConnectionTrait,
    id: i64,
    f: &AccountFields,
) -> Result<Option<Account>, PersistenceError> {
    let Some(row) = live_row(db, id).await? else {
        return Ok(None);
    };
    let mut am: xhs_account::ActiveModel = row.into();
    am.name = Set(f.name.clone());
    am.nickname = Set(f.nickname.clone());
    am.kind = Set(f.kind.as_str().to_owned());
    am.notes = Set(f.notes.clone());
    if let Some(x) = &f.xhs_id {
        am.xhs_id = Set(x.clone());
    }
    am.updated_at = Set(now_utc());
    Account::try_from(am.update(db).await?).map(Some)
}

/// True when a live account other than `except` has this 小红书号.
pub async fn xhs_id_taken(
    db: &impl ConnectionTrait,
    xhs_id: &str,
    except: Option<i64>,
) -> Result<bool, PersistenceError> {
    let mut q = AccountEntity::find()
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .filter(xhs_account::Column::XhsId.eq(xhs_id));
    if let Some(id) = except {
        q = q.filter(xhs_account::Column::Id.ne(id));
    }
    Ok(q.one(db).await?.is_some())
}

pub async fn soft_delete(db: &impl ConnectionTrait, id: i64) -> Result<bool, PersistenceError> {
    let r = AccountEntity::update_many()
        .col_expr(xhs_account::Column::IsDeleted, Expr::value(true))
        .col_expr(xhs_account::Column::UpdatedAt, Expr::value(now_utc()))
        .filter(xhs_account::Column::Id.eq(id))
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Which live accounts a list shows.
#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    pub kind: Option<AccountKind>,
    /// Only the members of this group.
    pub group_id: Option<i64>,
    /// Name or nickname contains this, ASCII case-insensitively.
    pub q: Option<String>,
}

/// The live accounts the filter lets through, by id.
pub async fn list_matching(
    db: &impl ConnectionTrait,
    f: &AccountFilter,
) -> Result<Vec<Account>, PersistenceError> {
    use crate::entities::account_group_member as member;
    use sea_orm::sea_query::{BinOper, LikeExpr, Query};
    let mut q = AccountEntity::find().filter(xhs_account::Column::IsDeleted.eq(false));
    if let Some(k) = f.kind {
        q = q.filter(xhs_account::Column::Kind.eq(k.as_str()));
    }
    if let Some(g) = f.group_id {
        let members = Query::select()
            .column(member::Column::AccountId)
            .from(member::Entity)
            .and_where(member::Column::GroupId.eq(g))
            .to_owned();
        q = q.filter(xhs_account::Column::Id.in_subquery(members));
    }
    if let Some(text) = f.q.as_deref().filter(|t| !t.is_empty()) {
        let pattern = format!("%{}%", crate::search::escape_like(text));
        let backend = db.get_database_backend();
        // As the notes' search: PostgreSQL's LIKE is case-sensitive.
        let like = |c: xhs_account::Column| match backend {
            sea_orm::DatabaseBackend::Postgres if crate::search::has_case(text) => {
                Expr::col(c).binary(BinOper::Custom("ILIKE"), pattern.clone())
            }
            _ => Expr::col(c).like(LikeExpr::new(pattern.clone()).escape('\\')),
        };
        q = q.filter(
            sea_orm::Condition::any()
                .add(like(xhs_account::Column::Name))
                .add(like(xhs_account::Column::Nickname)),
        );
    }
    all(q.order_by_asc(xhs_account::Column::Id).all(db).await?)
}
