//! Groups of accounts (班级, 分组).
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A group as an account names it.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupRef {
    pub id: i64,
    pub name: String,
}

impl From<xhs_app::groups::GroupRef> for GroupRef {
    fn from(g: xhs_app::groups::GroupRef) -> Self {
        Self {
            id: g.id,
            name: g.name,
        }
    }
}

/// A named set of accounts, e.g. a class (班级) or the brand's accounts.
#[derive(Debug, Serialize, ToSchema)]
pub struct Group {
    pub id: i64,
    /// Unique; ASCII letters in either case are the same name.
    pub name: String,
    /// Its live (not deleted) accounts.
    pub member_count: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<xhs_app::groups::Group> for Group {
    fn from(g: xhs_app::groups::Group) -> Self {
        Self {
            id: g.id,
            name: g.name,
            member_count: g.member_count,
            created_at: g.created_at,
            updated_at: g.updated_at,
        }
    }
}

/// A group with its members.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupDetail {
    pub id: i64,
    pub name: String,
    pub member_count: u64,
    /// Its live accounts' ids, ascending (`GET /api/accounts?group_id=` lists them in full).
    pub account_ids: Vec<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<xhs_app::groups::GroupDetail> for GroupDetail {
    fn from(d: xhs_app::groups::GroupDetail) -> Self {
        let g = d.group;
        Self {
            id: g.id,
            name: g.name,
            member_count: g.member_count,
            account_ids: d.account_ids,
            created_at: g.created_at,
            updated_at: g.updated_at,
        }
    }
}

/// A group to create or rename.
#[derive(Debug, Deserialize, ToSchema)]
pub struct GroupInput {
    /// 1 to 50 characters, unique (422 `unique` on `name` when taken).
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
}

/// Accounts to add to a group.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MembersInput {
    /// 1 to 1000 live accounts; ones already in the group stay as they are.
    #[schema(min_items = 1, max_items = 1000)]
    pub account_ids: Vec<i64>,
}
