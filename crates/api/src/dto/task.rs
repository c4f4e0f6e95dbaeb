//! Robot tasks and dispatches.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xhs_domain::TaskStatus;

/// One note sent by one robot account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Task {
    pub id: i64,
    pub post_id: i64,
    /// The variant of the note it sends (a campaign deals them out); null:
    /// the note's own text.
    pub variant_id: Option<i64>,
    /// Our id of the robot account.
    pub robot_id: i64,
    pub status: TaskStatus,
    /// `accepted` and not called back within `robots.callback_grace_secs`
    /// of the send (`XHSPUB__ROBOTS__CALLBACK_GRACE_SECS`): the callback may
    /// be lost; check the account before the task times out.
    pub overdue: bool,
    /// The provider's task id, once it accepted the send.
    pub provider_task_id: Option<String>,
    /// Why it waits, is paused, failed or is unknown (the provider's `msg` on failure).
    pub reason: Option<String>,
    /// Not sent before this instant.
    pub not_before: DateTime<Utc>,
    /// While `waiting`: when a limit of the provider allows the next try.
    pub wait_until: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The published note, from the provider's callback.
    pub note_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Task {
    /// The task as answered now, overdue or not by the fleet's grace.
    pub fn new(t: xhs_app::Task, fleet: &xhs_app::fleet::FleetPolicy) -> Self {
        Self {
            overdue: fleet.is_overdue(&t, Utc::now()),
            id: t.id,
            post_id: t.post_id,
            variant_id: t.variant_id,
            robot_id: t.robot_id,
            status: t.status,
            provider_task_id: t.provider_task_id,
            reason: t.reason,
            not_before: t.not_before,
            wait_until: t.wait_until,
            sent_at: t.sent_at,
            finished_at: t.finished_at,
            note_url: t.note_url,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

/// One page of tasks, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskPage {
    pub items: Vec<Task>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaskQuery {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 18, pattern = "^([1-9][0-9]{0,17})?$")]
    pub cursor: Option<String>,
    pub post_id: Option<i64>,
    pub robot_id: Option<i64>,
    #[param(value_type = Option<TaskStatus>)]
    pub status: Option<String>,
}

/// A note to send from many robot accounts.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DispatchInput {
    /// Our ids of robot accounts (`GET /api/robots`), 1 to 500.
    #[schema(min_items = 1, max_items = 500)]
    pub robot_ids: Vec<i64>,
    /// Not before this instant; now when absent.
    #[serde(default, deserialize_with = "super::optional_instant")]
    pub not_before: Option<DateTime<Utc>>,
    /// Spread the sends over this many minutes (0 to 1440), with jitter, so
    /// that accounts do not post in lockstep.
    #[schema(minimum = 0, maximum = 1440)]
    pub spread_minutes: Option<u32>,
}

/// The tasks a dispatch created, one per robot.
#[derive(Debug, Serialize, ToSchema)]
pub struct DispatchResult {
    pub tasks: Vec<Task>,
}
