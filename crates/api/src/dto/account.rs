use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::{AccountKind, RecordStatus};

/// An XHS account the team publishes from.
#[derive(Debug, Serialize, ToSchema)]
pub struct Account {
    pub id: i64,
    /// What the team calls it, e.g. "品牌主号" or "三班 王同学".
    pub name: String,
    /// The nickname shown in XHS.
    pub nickname: Option<String>,
    pub kind: AccountKind,
    pub notes: Option<String>,
    /// The account's 小红书号 (XHS id), when known.
    pub xhs_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The groups it is in, by name.
    pub groups: Vec<crate::dto::group::GroupRef>,
}

impl Account {
    /// The account with its groups.
    pub fn with_groups(mut self, groups: Vec<xhs_app::groups::GroupRef>) -> Self {
        self.groups = groups.into_iter().map(Into::into).collect();
        self
    }
}

impl From<xhs_app::Account> for Account {
    fn from(m: xhs_app::Account) -> Self {
        Self {
            id: m.id,
            name: m.name,
            nickname: m.nickname,
            kind: m.kind,
            notes: m.notes,
            xhs_id: m.xhs_id,
            created_at: m.created_at,
            updated_at: m.updated_at,
            groups: Vec::new(),
        }
    }
}

/// An account to create or replace.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AccountInput {
    /// 1 to 50 characters.
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    /// At most 50 characters.
    #[schema(max_length = 50)]
    pub nickname: Option<String>,
    /// Not `robot`: robot accounts come from the provider's sync (422).
    #[schema(value_type = AccountKind)]
    pub kind: String,
    /// At most 500 characters.
    #[schema(max_length = 500)]
    pub notes: Option<String>,
    /// The 小红书号: ASCII letters, digits, `_` and `.`, at most 24
    /// characters (a copied `小红书号：` label is dropped); unique among live
    /// accounts (422 `unique`). Left out: unchanged on update (none on
    /// create); an empty string removes it.
    #[schema(max_length = 30)]
    pub xhs_id: Option<String>,
}

impl From<AccountInput> for xhs_app::accounts::AccountInput {
    fn from(i: AccountInput) -> Self {
        Self {
            name: i.name,
            nickname: i.nickname,
            kind: i.kind,
            notes: i.notes,
            xhs_id: i.xhs_id,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountQuery {
    /// Only accounts of this kind.
    #[param(value_type = Option<AccountKind>)]
    pub kind: Option<String>,
    /// Only the members of this group (422 when there is no such group).
    pub group_id: Option<i64>,
    /// Name or XHS nickname contains this (ASCII letters in either case); at most 50 characters.
    #[param(max_length = 50)]
    pub q: Option<String>,
}

/// Where the publish of one post from one account stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishRecord {
    pub id: i64,
    pub post_id: i64,
    /// The post's title (kept for deleted posts).
    pub post_title: Option<String>,
    pub account_id: i64,
    pub status: RecordStatus,
    /// The SDK's error, when the last attempt failed.
    pub failure_reason: Option<String>,
    /// The published note, once confirmed.
    pub note_url: Option<String>,
    /// The platform of the tap that moved it last (`xhs` for robot publishes).
    pub platform: Option<xhs_domain::SharePlatform>,
    pub updated_at: DateTime<Utc>,
}

impl From<xhs_app::Record> for PublishRecord {
    fn from(m: xhs_app::Record) -> Self {
        Self {
            id: m.id,
            post_id: m.post_id,
            post_title: None,
            account_id: m.account_id,
            status: m.status,
            failure_reason: m.failure_reason,
            note_url: m.note_url,
            platform: m.platform,
            updated_at: m.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordQuery {
    pub post_id: Option<i64>,
    pub account_id: Option<i64>,
}

/// The link of the published note, pasted back by the operator or the account holder.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ConfirmInput {
    /// The note's link, e.g. `https://www.xiaohongshu.com/explore/64a1…` or `http://xhslink.com/…`, or the text the XHS app copies (复制链接) with the link inside; at most 500 characters. The first note link in it is stored as `https://www.xiaohongshu.com/explore/{id}` when it names the note, the short link as given otherwise.
    #[schema(min_length = 1, max_length = 500)]
    pub note_url: String,
}
