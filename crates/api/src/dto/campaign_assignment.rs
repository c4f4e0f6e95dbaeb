//! A campaign's assignments: one (account, note) at an instant.
use super::group::GroupRef;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::campaign::{AssignmentStatus, Channel};
use xhs_domain::TaskStatus;

/// One account's note at an instant, and where it stands: `planned` (not
/// launched), `scheduled` (its link opens, or its task is sent, at
/// `scheduled_at`), `open` (the link is open, or the task was sent),
/// `opened`, `tapped` (the person's progress on the share page),
/// `published`, `failed`, `cancelled`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Assignment {
    pub id: i64,
    pub campaign_id: i64,
    pub account_id: i64,
    pub account_name: String,
    /// The account's groups, by name.
    pub groups: Vec<GroupRef>,
    pub post_id: i64,
    pub post_title: String,
    /// The note's variant; null: the note's own text.
    pub variant_id: Option<i64>,
    pub variant_label: Option<String>,
    pub channel: Channel,
    pub scheduled_at: DateTime<Utc>,
    pub status: AssignmentStatus,
    /// A person's share link (once launched).
    pub link_id: Option<i64>,
    /// `{public_url}/s/{token}`: what goes into a message or a QR code.
    pub link_url: Option<String>,
    /// A robot's task (once launched).
    pub task_id: Option<i64>,
    pub task_status: Option<TaskStatus>,
    /// When the person first opened the share page.
    pub opened_at: Option<DateTime<Utc>>,
    /// When the person first tapped publish.
    pub tapped_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    /// The published note's link (pasted by the person, or the robot's).
    pub note_url: Option<String>,
    /// Why it failed or was cancelled.
    pub reason: Option<String>,
}

impl From<xhs_app::campaigns::AssignmentView> for Assignment {
    fn from(v: xhs_app::campaigns::AssignmentView) -> Self {
        let r = v.row;
        Self {
            id: r.id,
            campaign_id: v.campaign_id,
            account_id: r.account_id,
            account_name: v.account_name,
            groups: v.groups.into_iter().map(Into::into).collect(),
            post_id: r.post_id,
            post_title: v.post_title,
            variant_id: r.variant_id,
            variant_label: r.variant_label,
            channel: r.channel,
            scheduled_at: r.scheduled_at,
            status: r.status,
            link_id: r.link_id,
            link_url: v.link_url,
            task_id: r.task_id,
            task_status: r.task_status,
            opened_at: v.opened_at,
            tapped_at: v.tapped_at,
            published_at: r.published_at,
            note_url: r.note_url,
            reason: r.reason,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssignmentPage {
    /// By id (the plan's order: by time, then account).
    pub items: Vec<Assignment>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssignmentQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
    #[param(value_type = Option<AssignmentStatus>)]
    pub status: Option<String>,
    pub post_id: Option<i64>,
    pub account_id: Option<i64>,
    /// Accounts of this group.
    pub group_id: Option<i64>,
}

/// Moves one assignment.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AssignmentMoveInput {
    /// The new instant: inside the campaign and its daily window, in the
    /// future, keeping the gap and the day's limit (422 naming the rule:
    /// `range`, `daily_window`, `min_gap`, `day_limit`, `future`).
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub scheduled_at: Option<DateTime<Utc>>,
}
