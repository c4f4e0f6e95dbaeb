//! Robot accounts and their sync.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::RobotBlock;

/// A robot account: an XHS account the provider drives on a device.
#[derive(Debug, Serialize, ToSchema)]
pub struct Robot {
    /// Ours: use it in dispatches and filters.
    pub id: i64,
    /// The provider's id (a UUID string).
    pub provider_id: String,
    pub nickname: Option<String>,
    pub avatar_url: Option<String>,
    pub online: bool,
    /// A captcha waits to be solved on the device.
    pub captcha: bool,
    /// False when the provider disabled (or XHS forbade) the account.
    pub enabled: bool,
    /// Why the robot gets no calls now; null when it may be called.
    pub blocked_reason: Option<RobotBlock>,
    /// When the last sync saw it.
    pub synced_at: Option<DateTime<Utc>>,
}

impl From<xhs_app::Account> for Robot {
    fn from(a: xhs_app::Account) -> Self {
        Self {
            id: a.id,
            provider_id: a.provider_id.unwrap_or_default(),
            nickname: a.nickname,
            avatar_url: a.avatar_url,
            blocked_reason: RobotBlock::of(a.online, a.enabled, a.captcha),
            online: a.online,
            captcha: a.captcha,
            enabled: a.enabled,
            synced_at: a.synced_at,
        }
    }
}

/// One page of robots, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct RobotPage {
    pub items: Vec<Robot>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
    /// When robots were last synced (by the schedule or by hand).
    pub last_sync_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RobotQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
    /// Text in the nickname or the provider id, at most 100 characters.
    #[param(max_length = 100)]
    pub q: Option<String>,
    pub online: Option<bool>,
    pub enabled: Option<bool>,
    pub captcha: Option<bool>,
}

/// What a sync did.
#[derive(Debug, Serialize, ToSchema)]
pub struct SyncResult {
    /// Robots the provider listed.
    pub synced: u64,
    /// Of those, new here.
    pub created: u64,
    /// Of those, already known (their states refreshed).
    pub updated: u64,
}
