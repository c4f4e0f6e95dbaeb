//! Builders of the events several use cases emit.
use xhs_domain::webhook::{RobotEventData, TaskEventData};
use xhs_domain::{EventData, RobotBlock, TaskStatus};
use xhs_persistence::Task;

/// `task.succeeded`, `task.failed` or `task.timed_out` for `task` reaching `status`
/// (None for a status that is not a result).
pub fn task(
    task: &Task,
    status: TaskStatus,
    reason: Option<String>,
    note_url: Option<String>,
) -> Option<EventData> {
    let data = TaskEventData {
        task_id: task.id,
        post_id: task.post_id,
        robot_id: task.robot_id,
        function: task.function,
        status,
        reason,
        note_url,
    };
    match status {
        TaskStatus::Succeeded => Some(EventData::TaskSucceeded(data)),
        TaskStatus::Failed => Some(EventData::TaskFailed(data)),
        TaskStatus::TimedOut => Some(EventData::TaskTimedOut(data)),
        _ => None,
    }
}

/// `robot.blocked` or `robot.unblocked` when a robot's block changed.
pub fn robot(
    robot_id: i64,
    before: Option<RobotBlock>,
    now: Option<RobotBlock>,
) -> Option<EventData> {
    let data = RobotEventData {
        robot_id,
        block: now,
    };
    match (before, now) {
        (None, Some(_)) => Some(EventData::RobotBlocked(data)),
        (Some(_), None) => Some(EventData::RobotUnblocked(data)),
        // Blocked for another reason: still blocked; integrators hear the reason.
        (Some(a), Some(b)) if a != b => Some(EventData::RobotBlocked(data)),
        _ => None,
    }
}
