//! Campaigns (issue 19 item 3): many notes to many accounts over days.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::campaign::{CampaignStatus, Pairing, RawSchedule, RawWindow};

/// The daily window in the statistics' time zone; `to` before `from` runs
/// across midnight (22:00 to 02:00 is four hours); `24:00` ends at midnight.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct DailyWindowInput {
    /// `HH:MM`, e.g. `09:00`.
    #[schema(example = "09:00")]
    pub from: Option<String>,
    /// `HH:MM`, e.g. `22:00`.
    #[schema(example = "22:00")]
    pub to: Option<String>,
}

/// When a campaign's notes may go out.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ScheduleInput {
    /// The first instant (in the future when planned).
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub start_at: Option<DateTime<Utc>>,
    /// After `start_at`, at most 366 days later.
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub end_at: Option<DateTime<Utc>>,
    pub daily_window: Option<DailyWindowInput>,
    /// Notes one account gets on one local day, 1 to 50 (default 1).
    #[schema(minimum = 1, maximum = 50)]
    pub per_account_per_day: Option<i64>,
    /// Minutes between two notes of one account, 1 to 10080 (default 180).
    #[schema(minimum = 1, maximum = 10080)]
    pub min_gap_minutes: Option<i64>,
}

impl From<ScheduleInput> for RawSchedule {
    fn from(s: ScheduleInput) -> Self {
        Self {
            start_at: s.start_at,
            end_at: s.end_at,
            daily_window: s.daily_window.map(|w| RawWindow {
                from: w.from,
                to: w.to,
            }),
            per_account_per_day: s.per_account_per_day,
            min_gap_minutes: s.min_gap_minutes,
        }
    }
}

/// Who gets the notes: accounts and groups (each group's live accounts as
/// they are when planned); at least one of them.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct AudienceInput {
    pub account_ids: Option<Vec<i64>>,
    pub group_ids: Option<Vec<i64>>,
}

/// A campaign to create. Every broken rule is a 422 naming its field;
/// nothing is created then.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CampaignInput {
    /// 1 to 100 characters.
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
    /// 1 to 50 live notes, in order (approved ones when approval is on: 409
    /// `post_not_approved` otherwise).
    #[schema(min_items = 1, max_items = 50)]
    pub post_ids: Option<Vec<i64>>,
    pub audience: Option<AudienceInput>,
    /// Default `each_account_every_post`.
    pub pairing: Option<Pairing>,
    /// The platforms each link offers; each note must pass pre-flight for
    /// each (422 `platforms[i]`). Absent: each note's default.
    pub platforms: Option<Vec<String>>,
    /// When the links expire; after `schedule.end_at`. Absent: never.
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub link_expires_at: Option<DateTime<Utc>>,
    pub schedule: Option<ScheduleInput>,
}

impl From<CampaignInput> for xhs_app::campaigns::RawCampaign {
    fn from(c: CampaignInput) -> Self {
        Self {
            name: c.name,
            post_ids: c.post_ids,
            audience: c.audience.map(|a| xhs_app::campaigns::RawAudience {
                account_ids: a.account_ids,
                group_ids: a.group_ids,
            }),
            pairing: c.pairing,
            platforms: c.platforms,
            link_expires_at: c.link_expires_at,
            schedule: c.schedule.map(Into::into),
        }
    }
}

/// A campaign's replacement (draft or planned only; a planned one goes back
/// to `draft` and is planned again).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CampaignUpdate {
    /// The version you read (409 `version_conflict` when it changed).
    pub version: Option<i32>,
    #[serde(flatten)]
    pub campaign: CampaignInput,
}

/// The daily window as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct DailyWindow {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignSchedule {
    pub start_at: DateTime<Utc>,
    pub end_at: DateTime<Utc>,
    pub daily_window: DailyWindow,
    pub per_account_per_day: u32,
    pub min_gap_minutes: u32,
    /// The zone of the daily window and of days (`stats.timezone`).
    #[schema(example = "Asia/Shanghai")]
    pub time_zone: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Audience {
    pub account_ids: Vec<i64>,
    pub group_ids: Vec<i64>,
}

/// A campaign. `draft` → `planned` (`POST .../plan`) → `running`
/// (`POST .../launch`) → `finished` (every assignment published, failed or
/// cancelled) or `cancelled`. A running one may be paused (`paused_at`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Campaign {
    pub id: i64,
    pub name: String,
    pub status: CampaignStatus,
    /// Set while paused (the status stays `running`).
    pub paused_at: Option<DateTime<Utc>>,
    pub pairing: Pairing,
    pub post_ids: Vec<i64>,
    pub audience: Audience,
    pub platforms: Option<Vec<String>>,
    pub link_expires_at: Option<DateTime<Utc>>,
    pub schedule: CampaignSchedule,
    /// Planned assignments (0 in draft).
    pub assignment_count: u64,
    /// Send it back with `PUT`.
    pub version: i32,
    pub created_by: String,
    pub launched_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Campaign {
    pub fn new(v: xhs_app::campaigns::CampaignView, tz: &str) -> Self {
        let c = v.campaign;
        let f = c.fields;
        Self {
            id: c.id,
            name: f.name,
            status: c.status,
            paused_at: c.paused_at,
            pairing: f.pairing,
            post_ids: f.post_ids,
            audience: Audience {
                account_ids: f.account_ids,
                group_ids: f.group_ids,
            },
            platforms: f.platforms,
            link_expires_at: f.link_expires_at,
            schedule: CampaignSchedule {
                start_at: f.start_at,
                end_at: f.end_at,
                daily_window: DailyWindow {
                    from: f.window_from,
                    to: f.window_to,
                },
                per_account_per_day: f.per_account_per_day,
                min_gap_minutes: f.min_gap_minutes,
                time_zone: tz.to_owned(),
            },
            assignment_count: v.assignment_count,
            version: c.version,
            created_by: c.created_by,
            launched_at: c.launched_at,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignPage {
    pub items: Vec<Campaign>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CampaignQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
    #[param(value_type = Option<CampaignStatus>)]
    pub status: Option<String>,
}

pub use super::campaign_assignment::*;
pub use super::campaign_progress::*;
