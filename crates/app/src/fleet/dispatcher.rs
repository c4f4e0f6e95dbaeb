//! The dispatcher: sends due tasks, one step at a time, never over a limit.
//!
//! Never twice: a task is `sending` (committed, with the quota reserved in
//! the same transaction) before the call and `accepted` with the provider's
//! task id after it. A task still `sending` when its lease runs out (the
//! process died mid-call) becomes `unknown`, never sent again on its own.
use super::moves::{finish, time_out, wait};
use super::{next_provider_day, provider_day};
use crate::notes::posts;
use crate::{AppResult, Services};
use chrono::Utc;
use xhs_domain::{PostDraft, RobotBlock, RobotFunction, ShareInfo, TaskStatus};
use xhs_persistence::quota::{self, Limits, Reservation};
use xhs_persistence::tasks::{self as store, Change};
use xhs_persistence::{robots, Task};
use xhs_robots::{NoteRequest, RobotError};

/// Tasks looked at per step.
const BATCH: u64 = 20;

/// What one step did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StepReport {
    pub sent: u32,
    pub waiting: u32,
    pub paused: u32,
    pub failed: u32,
    pub unknown: u64,
    pub timed_out: u64,
}

fn limits(s: &Services, f: RobotFunction) -> Limits {
    let l = &s.fleet.limits;
    match f {
        RobotFunction::Login => Limits {
            interval: l.login_interval,
            per_day: l.login_per_day,
            total_per_day: l.total_per_day,
        },
        RobotFunction::Publish => Limits {
            interval: l.call_interval,
            per_day: l.call_per_day,
            total_per_day: l.total_per_day,
        },
    }
}

/// One step: time out what waited too long for its callback, mark what a
/// dead dispatcher left mid-send as unknown, then send what is due.
pub async fn step(s: &Services, owner: &str) -> AppResult<StepReport> {
    let Some(client) = s.robots.clone() else {
        return Ok(StepReport::default());
    };
    let now = Utc::now();
    let mut report = StepReport {
        timed_out: time_out(s, now).await?,
        unknown: store::move_all(
            &s.db,
            store::lease_expired(now.naive_utc()),
            &[TaskStatus::Sending],
            TaskStatus::Unknown,
            Some("interrupted between the call and its answer: check the account, then resend or cancel".into()),
            false,
        )
        .await?,
        ..StepReport::default()
    };
    for id in store::due(&s.db, now.naive_utc(), BATCH).await? {
        let until = (Utc::now() + s.fleet.lease).naive_utc();
        if !store::claim(&s.db, id, owner, Utc::now().naive_utc(), until).await? {
            continue;
        }
        let Some(task) = store::find(&s.db, id).await? else {
            continue;
        };
        match send(s, &client, owner, &task).await? {
            Outcome::Sent => report.sent += 1,
            Outcome::Waiting => report.waiting += 1,
            Outcome::Paused => report.paused += 1,
            Outcome::Failed => report.failed += 1,
            Outcome::Unknown => report.unknown += 1,
        }
    }
    Ok(report)
}

enum Outcome {
    Sent,
    Waiting,
    Paused,
    Failed,
    Unknown,
}

const DUE: [TaskStatus; 2] = [TaskStatus::Queued, TaskStatus::Waiting];

async fn send(
    s: &Services,
    client: &xhs_robots::RobotClient,
    owner: &str,
    task: &Task,
) -> AppResult<Outcome> {
    let Some(robot) = robots::find(&s.db, task.robot_id).await? else {
        finish(
            s,
            owner,
            task,
            &DUE,
            TaskStatus::Failed,
            "the robot account no longer exists".into(),
        )
        .await?;
        return Ok(Outcome::Failed);
    };
    if let Some(block) = RobotBlock::of(robot.online, robot.enabled, robot.captcha) {
        let change = Change {
            status: Some(TaskStatus::Paused),
            reason: Some(Some(block.as_str().to_owned())),
            lease: Some(None),
            ..Change::default()
        };
        store::update_if(&s.db, task.id, &DUE, Some(owner), change).await?;
        return Ok(Outcome::Paused);
    }
    let share = match posts::get(s, task.post_id).await {
        // Edited after dispatch and not approved again: its new text is not sent.
        Ok(post) if crate::notes::review::ensure_approved(s, &post).is_err() => {
            finish(
                s,
                owner,
                task,
                &DUE,
                TaskStatus::Failed,
                format!("the note is {} and not approved", post.review_status),
            )
            .await?;
            return Ok(Outcome::Failed);
        }
        Ok(post) => {
            let post = crate::notes::variants::lay_over(s, post, task.variant_id, true).await?;
            PostDraft::parse(&posts::raw(&post)).map(|d| ShareInfo::from(&d))
        }
        Err(_) => {
            finish(
                s,
                owner,
                task,
                &DUE,
                TaskStatus::Failed,
                "the note was deleted".into(),
            )
            .await?;
            return Ok(Outcome::Failed);
        }
    };
    let share = match share {
        Ok(share) => share,
        Err(e) => {
            let why =
                e.0.iter()
                    .map(|f| f.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
            finish(
                s,
                owner,
                task,
                &DUE,
                TaskStatus::Failed,
                format!("the note breaks a rule: {why}"),
            )
            .await?;
            return Ok(Outcome::Failed);
        }
    };
    // Reserve the call and mark the task `sending` in one transaction.
    let now = Utc::now();
    let txn = xhs_persistence::begin_write(&s.db).await?;
    let reserved = quota::reserve(
        &txn,
        task.robot_id,
        task.function.as_str(),
        &provider_day(now),
        now.naive_utc(),
        limits(s, task.function),
    )
    .await?;
    match reserved {
        Reservation::Reserved => {}
        Reservation::WaitInterval(until) => {
            txn.rollback().await?;
            wait(
                s,
                owner,
                task,
                &DUE,
                until,
                "limit: one call of this function per interval".into(),
            )
            .await?;
            return Ok(Outcome::Waiting);
        }
        Reservation::WaitDay => {
            txn.rollback().await?;
            wait(
                s,
                owner,
                task,
                &DUE,
                next_provider_day(now),
                "limit: the day's calls are used up".into(),
            )
            .await?;
            return Ok(Outcome::Waiting);
        }
    }
    let sending = Change {
        status: Some(TaskStatus::Sending),
        reason: Some(None),
        wait_until: Some(None),
        sent_at: Some(Some(now.naive_utc())),
        lease: Some(Some((owner.to_owned(), (now + s.fleet.lease).naive_utc()))),
        ..Change::default()
    };
    if !store::update_if(&txn, task.id, &DUE, Some(owner), sending).await? {
        // Cancelled or paused meanwhile: the reservation goes with the rollback.
        txn.rollback().await?;
        return Ok(Outcome::Waiting);
    }
    txn.commit().await?;
    let note = NoteRequest {
        robot_id: robot.provider_id.clone().unwrap_or_default(),
        note_type: share.post_type.as_str().to_owned(),
        title: share.title.clone(),
        content: share.content.clone(),
        images: share.images.clone(),
        video: share.video.clone(),
        cover: share.cover.clone(),
        request_id: task.request_id.clone(),
    };
    let sent = &[TaskStatus::Sending];
    match client.publish(&note).await {
        Ok(provider_task_id) => {
            let change = Change {
                status: Some(TaskStatus::Accepted),
                provider_task_id: Some(Some(provider_task_id)),
                lease: Some(None),
                ..Change::default()
            };
            store::update_if(&s.db, task.id, sent, Some(owner), change).await?;
            Ok(Outcome::Sent)
        }
        Err(RobotError::RateLimited(msg)) => {
            wait(
                s,
                owner,
                task,
                sent,
                Utc::now() + s.fleet.rate_limited_backoff,
                msg,
            )
            .await?;
            Ok(Outcome::Waiting)
        }
        Err(RobotError::Rejected { msg, .. }) => {
            finish(s, owner, task, sent, TaskStatus::Failed, msg).await?;
            Ok(Outcome::Failed)
        }
        Err(e) => {
            let change = Change {
                status: Some(TaskStatus::Unknown),
                reason: Some(Some(format!("{e}: the provider may have accepted it; check the account, then resend or cancel"))),
                lease: Some(None),
                ..Change::default()
            };
            store::update_if(&s.db, task.id, sent, Some(owner), change).await?;
            Ok(Outcome::Unknown)
        }
    }
}
