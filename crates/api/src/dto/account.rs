use crate::dto::post::utc;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::{bounded_text, parse_account_kind, ValidationErrors};
use xhs_persistence::accounts::AccountFields;
use xhs_persistence::entities::{publish_record, xhs_account};

/// An XHS account the team publishes from.
#[derive(Debug, Serialize, ToSchema)]
pub struct Account {
    pub id: i64,
    /// What the team calls it, e.g. "品牌主号" or "三班 王同学".
    pub name: String,
    /// The nickname shown in XHS.
    pub nickname: Option<String>,
    /// `brand`, `partner`, `test`, `student` or `owner`.
    #[schema(example = "brand")]
    pub kind: String,
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<xhs_account::Model> for Account {
    fn from(m: xhs_account::Model) -> Self {
        Self {
            id: m.id,
            name: m.name,
            nickname: m.nickname,
            kind: m.kind,
            notes: m.notes,
            created_at: utc(m.created_at),
            updated_at: utc(m.updated_at),
        }
    }
}

/// An account to create or replace.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AccountInput {
    /// 1 to 50 characters.
    pub name: String,
    /// At most 50 characters.
    pub nickname: Option<String>,
    /// `brand`, `partner`, `test`, `student` or `owner`.
    pub kind: String,
    /// At most 500 characters.
    pub notes: Option<String>,
}

impl AccountInput {
    pub fn parse(&self) -> Result<AccountFields, ValidationErrors> {
        let mut errs = ValidationErrors::default();
        let name = errs.take(bounded_text("name", &self.name, 50, true));
        let nickname = errs.take(bounded_text(
            "nickname",
            self.nickname.as_deref().unwrap_or(""),
            50,
            false,
        ));
        let kind = errs.take(parse_account_kind(self.kind.trim()));
        let notes = errs.take(bounded_text(
            "notes",
            self.notes.as_deref().unwrap_or(""),
            500,
            false,
        ));
        match (name, nickname, kind, notes) {
            (Some(name), Some(nickname), Some(kind), Some(notes)) if errs.is_empty() => {
                Ok(AccountFields {
                    name,
                    nickname: Some(nickname).filter(|s| !s.is_empty()),
                    kind: kind.to_owned(),
                    notes: Some(notes).filter(|s| !s.is_empty()),
                })
            }
            _ => Err(errs),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccountQuery {
    /// Only accounts of this kind.
    pub kind: Option<String>,
}

/// Where the publish of one post from one account stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishRecord {
    pub id: i64,
    pub post_id: i64,
    /// The post's title (kept for deleted posts).
    pub post_title: Option<String>,
    pub account_id: i64,
    /// `link_sent`, `opened`, `tapped`, `app_opened`, `failed` or `published`.
    #[schema(example = "tapped")]
    pub status: String,
    /// The SDK's error, when the last attempt failed.
    pub failure_reason: Option<String>,
    /// The published note, once confirmed.
    pub note_url: Option<String>,
    pub updated_at: DateTime<Utc>,
}

impl From<publish_record::Model> for PublishRecord {
    fn from(m: publish_record::Model) -> Self {
        Self {
            id: m.id,
            post_id: m.post_id,
            post_title: None,
            account_id: m.account_id,
            status: m.status,
            failure_reason: m.failure_reason,
            note_url: m.note_url,
            updated_at: utc(m.updated_at),
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
    /// e.g. `https://www.xiaohongshu.com/explore/64a1…` or `http://xhslink.com/…`.
    pub note_url: String,
}
