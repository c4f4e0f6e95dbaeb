//! What a roster import needs to know at once: every live account with its
//! 小红书号 and its groups, and every group by name; and the one field only
//! an import writes (`xhs_id`).
use crate::entities::xhs_account::{self, Entity as AccountEntity};
use crate::groups::{self, Group};
use crate::PersistenceError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::HashMap;

/// A live account as a roster import matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub id: i64,
    pub name: String,
    pub xhs_id: Option<String>,
    pub group_ids: Vec<i64>,
}

/// Every live account (robots too: they are matched, never created) and
/// every group.
pub async fn snapshot(
    db: &impl ConnectionTrait,
) -> Result<(Vec<Known>, Vec<Group>), PersistenceError> {
    let rows: Vec<(i64, String, Option<String>)> = AccountEntity::find()
        .select_only()
        .column(xhs_account::Column::Id)
        .column(xhs_account::Column::Name)
        .column(xhs_account::Column::XhsId)
        .filter(xhs_account::Column::IsDeleted.eq(false))
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut of: HashMap<i64, Vec<groups::GroupRef>> = groups::of_accounts(db, &ids).await?;
    let known = rows
        .into_iter()
        .map(|(id, name, xhs_id)| Known {
            id,
            name,
            xhs_id,
            group_ids: of
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .map(|g| g.id)
                .collect(),
        })
        .collect();
    Ok((known, groups::list(db).await?))
}

/// Records an account's 小红书号.
pub async fn set_xhs_id(
    db: &impl ConnectionTrait,
    id: i64,
    xhs_id: &str,
) -> Result<(), PersistenceError> {
    AccountEntity::update_many()
        .set(xhs_account::ActiveModel {
            xhs_id: Set(Some(xhs_id.to_owned())),
            ..Default::default()
        })
        .filter(xhs_account::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
