//! The dispatcher's moves of a task it does not send: to an end (`failed`,
//! `paused`…) with its record and webhook event in one transaction, back to
//! `waiting` until a limit allows it, and to `timed_out` when the provider
//! never called back.
use crate::{AppResult, Services};
use chrono::Utc;
use xhs_domain::{EventKind, TaskStatus};
use xhs_persistence::tasks::{self as store, Change};
use xhs_persistence::Task;

pub(super) async fn finish(
    s: &Services,
    owner: &str,
    task: &Task,
    from: &[TaskStatus],
    status: TaskStatus,
    reason: String,
) -> AppResult<()> {
    let change = Change {
        status: Some(status),
        reason: Some(Some(reason.clone())),
        finished_at: Some(Some(Utc::now().naive_utc())),
        lease: Some(None),
        ..Change::default()
    };
    // The task, its record and its webhook event move together.
    let txn = xhs_persistence::begin_write(&s.db).await?;
    if store::update_if(&txn, task.id, from, Some(owner), change).await? {
        if let Some(event) = crate::webhooks::events::task(task, status, Some(reason.clone()), None)
        {
            crate::webhooks::outbox::emit(&txn, event).await?;
        }
        if status == TaskStatus::Failed {
            crate::stats::records::advance(
                &txn,
                task.post_id,
                task.robot_id,
                EventKind::SdkFailed,
                Some(reason),
                // Robots publish on XHS.
                Some(xhs_domain::SharePlatform::Xhs),
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// Accepted tasks sent before the provider's timeout become `timed_out`,
/// each with its webhook event in its transaction.
pub(super) async fn time_out(s: &Services, now: chrono::DateTime<Utc>) -> AppResult<u64> {
    let reason = format!(
        "not called back within {} s of the send",
        s.fleet.task_timeout.num_seconds()
    );
    let cond = store::sent_before((now - s.fleet.task_timeout).naive_utc());
    let mut n = 0;
    for task in store::matching(&s.db, cond, &[TaskStatus::Accepted], 500).await? {
        let change = Change {
            status: Some(TaskStatus::TimedOut),
            reason: Some(Some(reason.clone())),
            finished_at: Some(Some(now.naive_utc())),
            lease: Some(None),
            ..Change::default()
        };
        let txn = xhs_persistence::begin_write(&s.db).await?;
        if store::update_if(&txn, task.id, &[TaskStatus::Accepted], None, change).await? {
            let event = crate::webhooks::events::task(
                &task,
                TaskStatus::TimedOut,
                Some(reason.clone()),
                None,
            );
            if let Some(event) = event {
                crate::webhooks::outbox::emit(&txn, event).await?;
            }
            n += 1;
        }
        txn.commit().await?;
    }
    Ok(n)
}

pub(super) async fn wait(
    s: &Services,
    owner: &str,
    task: &Task,
    from: &[TaskStatus],
    until: chrono::DateTime<Utc>,
    reason: String,
) -> AppResult<()> {
    let change = Change {
        status: Some(TaskStatus::Waiting),
        reason: Some(Some(reason)),
        wait_until: Some(Some(until.naive_utc())),
        sent_at: Some(None),
        lease: Some(None),
        ..Change::default()
    };
    store::update_if(&s.db, task.id, from, Some(owner), change).await?;
    Ok(())
}
