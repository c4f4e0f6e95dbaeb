//! Robot tasks as operators see them: list, retry, cancel; and pausing the
//! tasks of a robot that cannot be called.
use crate::paging::PageRequest;
use crate::{Actor, AppError, AppResult, Resource, Services};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_domain::{RobotBlock, TaskStatus, ValidationErrors};
use xhs_persistence::tasks::{self as store, Change, TaskFilter};
use xhs_persistence::{now_utc, Task};

/// What the task list asks for, before validation.
#[derive(Debug, Default, Clone)]
pub struct TaskQuery {
    pub limit: Option<u64>,
    pub cursor: Option<String>,
    pub post_id: Option<i64>,
    pub robot_id: Option<i64>,
    pub status: Option<String>,
}

/// One page of tasks, newest first.
pub async fn list(s: &Services, q: TaskQuery) -> AppResult<(Vec<Task>, Option<String>)> {
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let status = q
        .status
        .as_deref()
        .and_then(|v| errs.take(TaskStatus::parse_field("status", v)));
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let rows = store::list(
        &s.db,
        &TaskFilter {
            limit: page.fetch(),
            before_id: page.before_id,
            post_id: q.post_id,
            robot_id: q.robot_id,
            status,
        },
    )
    .await?;
    Ok(page.finish(rows, |t| t.id))
}

async fn get(s: &Services, id: i64) -> AppResult<Task> {
    store::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Task))
}

/// Sends a failed, timed-out, cancelled or unknown task again, deliberately:
/// a new request id, due now.
pub async fn retry(s: &Services, actor: &Actor, id: i64) -> AppResult<Task> {
    let task = get(s, id).await?;
    if !task.status.can_retry() {
        return Err(AppError::TaskState {
            status: task.status,
        });
    }
    let change = Change {
        status: Some(TaskStatus::Queued),
        reason: Some(None),
        wait_until: Some(None),
        sent_at: Some(None),
        finished_at: Some(None),
        provider_task_id: Some(None),
        note_url: Some(None),
        request_id: Some(uuid_like()),
        lease: Some(None),
    };
    let w = s.write(actor).await?;
    if !store::update_if(&*w, id, &[task.status], None, change).await? {
        drop(w);
        return Err(AppError::TaskState {
            status: get(s, id).await?.status,
        });
    }
    // Due now, whatever it was scheduled for.
    store::reschedule(&*w, id, now_utc()).await?;
    let audit = crate::Change::new(AuditAction::Retry, AuditTarget::Task, id);
    w.commit(audit.detail(format!("was {}", task.status)))
        .await?;
    get(s, id).await
}

/// Cancels a task that has not reached the provider (or whose fate is unknown).
pub async fn cancel(s: &Services, actor: &Actor, id: i64) -> AppResult<Task> {
    let task = get(s, id).await?;
    let change = Change {
        status: Some(TaskStatus::Cancelled),
        finished_at: Some(Some(now_utc())),
        lease: Some(None),
        ..Change::default()
    };
    let w = s.write(actor).await?;
    if !task.status.can_cancel() || !store::update_if(&*w, id, &[task.status], None, change).await?
    {
        drop(w);
        return Err(AppError::TaskState {
            status: get(s, id).await?.status,
        });
    }
    let audit = crate::Change::new(AuditAction::Cancel, AuditTarget::Task, id);
    w.commit(audit.detail(format!("was {}", task.status)))
        .await?;
    get(s, id).await
}

/// A robot that cannot be called gets its waiting tasks paused with the
/// reason; one that is back gets them queued again.
pub(crate) async fn apply_block(
    db: &impl xhs_persistence::ConnectionTrait,
    robot_id: i64,
    block: Option<RobotBlock>,
) -> AppResult<()> {
    match block {
        Some(b) => {
            store::move_all(
                db,
                store::of_robot(robot_id),
                &[TaskStatus::Queued, TaskStatus::Waiting],
                TaskStatus::Paused,
                Some(b.as_str().to_owned()),
                false,
            )
            .await?;
        }
        None => {
            store::move_all(
                db,
                store::of_robot(robot_id),
                &[TaskStatus::Paused],
                TaskStatus::Queued,
                None,
                false,
            )
            .await?;
        }
    }
    Ok(())
}

/// A random request id (128 bits, hex): ours, unique per send.
pub(crate) fn uuid_like() -> String {
    use rand::Rng;
    let mut b = [0u8; 16];
    rand::thread_rng().fill(&mut b);
    hex::encode(b)
}
