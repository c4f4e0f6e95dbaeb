use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use xhs_domain::LinkStatus;

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
    /// Before this the link shows when it opens and hands nothing over.
    pub not_before: Option<DateTime<Utc>>,
    /// `post_deleted` when its note was deleted, as the public endpoint says.
    pub status: LinkStatus,
    pub created_at: DateTime<Utc>,
    /// What the link offers, in order.
    pub platforms: Vec<xhs_domain::SharePlatform>,
    /// The variant of the note the link serves (its title, body, images and
    /// cover laid over the note's); null: the note's own text.
    pub variant_id: Option<i64>,
    /// That variant's label.
    pub variant_label: Option<String>,
    /// Share-page counts of this link; filled by the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<xhs_app::stats::Totals>,
}

impl From<xhs_app::links::manage::Link> for Link {
    fn from(l: xhs_app::links::manage::Link) -> Self {
        let m = l.stored;
        Self {
            id: m.id,
            post_id: m.post_id,
            url: l.url,
            token: m.token,
            label: m.label,
            account_id: m.account_id,
            account_name: l.account_name,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
            not_before: m.not_before,
            status: l.status,
            created_at: m.created_at,
            platforms: m.platforms,
            variant_id: m.variant_id,
            variant_label: l.variant_label,
            totals: None,
        }
    }
}

/// A link to create.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct LinkInput {
    /// e.g. "三班" or "brand account"; at most 50 characters.
    #[schema(max_length = 50)]
    pub label: Option<String>,
    /// The account this link is for; its publish record tracks the link.
    pub account_id: Option<i64>,
    /// After this instant the link answers 410; in the future, before the year 10000.
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub expires_at: Option<DateTime<Utc>>,
    /// Until this instant the share page shows when it opens (a countdown)
    /// instead of its buttons, and `GET /api/share/{token}/publish` answers
    /// 409 `link_not_open_yet` with `opens_at`. Before `expires_at`.
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub not_before: Option<DateTime<Utc>>,
    /// The platforms to offer, in order (`xhs`, `douyin`, `weibo`, `kuaishou`,
    /// `bilibili`, `channels`). Default: every platform configured here that
    /// the note passes.
    #[schema(value_type = Option<Vec<xhs_domain::SharePlatform>>)]
    pub platforms: Option<Vec<String>>,
    /// A variant of this note (`GET /api/posts/{id}/variants`) the link
    /// serves instead of the note's own text; 422 naming `variant_id` when
    /// the note has no such variant.
    pub variant_id: Option<i64>,
}
