use crate::dto::post::utc;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xhs_persistence::entities::{share_link, xhs_account};

/// A share link of a post.
#[derive(Debug, Serialize, ToSchema)]
pub struct Link {
    pub id: i64,
    /// The post this link opens.
    pub post_id: i64,
    /// Random, URL-safe, 256 bits; the only handle the public side sees.
    pub token: String,
    /// `{public_url}/s/{token}`: what goes into a message or a QR code.
    pub url: String,
    pub label: Option<String>,
    pub account_id: Option<i64>,
    pub account_name: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// `active`, `expired` or `revoked`.
    #[schema(example = "active")]
    pub status: String,
    pub created_at: DateTime<Utc>,
    /// Share-page counts of this link; filled by the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<super::stats::Totals>,
}

impl Link {
    pub fn new(
        m: share_link::Model,
        public_url: &str,
        account: Option<&xhs_account::Model>,
    ) -> Self {
        let now = xhs_persistence::now_utc();
        let status = if m.revoked_at.is_some() {
            "revoked"
        } else if m.expires_at.is_some_and(|e| e <= now) {
            "expired"
        } else {
            "active"
        };
        Self {
            id: m.id,
            post_id: m.post_id,
            url: format!("{}/s/{}", public_url.trim_end_matches('/'), m.token),
            token: m.token,
            label: m.label,
            account_id: m.account_id,
            account_name: account.map(|a| a.name.clone()),
            expires_at: m.expires_at.map(utc),
            revoked_at: m.revoked_at.map(utc),
            status: status.to_owned(),
            created_at: utc(m.created_at),
            totals: None,
        }
    }
}

/// A link to create.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct LinkInput {
    /// e.g. "三班" or "brand account"; at most 50 characters.
    pub label: Option<String>,
    /// The account this link is for; its publish record tracks the link.
    pub account_id: Option<i64>,
    /// After this instant the link answers 410.
    pub expires_at: Option<DateTime<Utc>>,
}
