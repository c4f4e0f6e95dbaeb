//! What the provider sends: task results and robot events. Both carry the
//! Merchant-Token, compared in constant time.
use crate::fleet::robots::{client, observe_robot};
use crate::webhooks::{events, outbox::emit};
use crate::{Actor, AppError, AppResult, Change as AuditChange, Resource, Services};
use serde_json::Value;
use xhs_domain::{AuditAction, AuditTarget};
use xhs_domain::{EventKind, FieldError, Rule, TaskStatus};
use xhs_persistence::now_utc;
use xhs_persistence::tasks::{self as store, Change};
use xhs_robots::{RobotEvent, TaskResult};

fn check_token(s: &Services, token: Option<&str>) -> AppResult<()> {
    let client = client(s)?;
    match token {
        Some(t) if client.is_merchant_token(t) => Ok(()),
        _ => Err(AppError::Unauthenticated),
    }
}

/// What a callback changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackOutcome {
    Succeeded,
    Failed,
    /// The task had its result already: a second delivery changes nothing.
    Unchanged,
}

/// A task result: the task and its publish record move to succeeded (with the
/// note link, when it is an XHS note link) or failed (with the provider's msg).
pub async fn callback(
    s: &Services,
    token: Option<&str>,
    client_ip: Option<String>,
    body: &Value,
) -> AppResult<CallbackOutcome> {
    check_token(s, token)?;
    let result = TaskResult::parse(body, &s.fleet.callback).ok_or_else(|| {
        FieldError::new(
            "body",
            Rule::Required,
            "a task result needs a task id and a numeric code",
        )
    })?;
    let Some(task) = recorded(s, &result.task_id).await? else {
        tracing::warn!(provider_task_id = %result.task_id, "callback for a task we do not know");
        return Err(AppError::NotFound(Resource::Task));
    };
    if task.status.is_final() {
        return Ok(CallbackOutcome::Unchanged);
    }
    let from = [
        TaskStatus::Accepted,
        TaskStatus::Sending,
        TaskStatus::Unknown,
    ];
    let now = now_utc();
    let provider = Actor::provider(client_ip);
    let txn = s.write(&provider).await?;
    let outcome = if result.code == 0 {
        let note = result.note_url.as_deref().map(xhs_domain::parse_note_url);
        let (note_url, reason) = match note {
            // A link longer than the column holds is no note link either.
            Some(Ok(u)) if u.len() <= 500 => (Some(u), None),
            Some(_) => (
                None,
                Some("the provider's note link is not an XHS note link".to_owned()),
            ),
            None => (None, Some("the provider gave no note link".to_owned())),
        };
        let change = Change {
            status: Some(TaskStatus::Succeeded),
            note_url: Some(note_url.clone()),
            reason: Some(reason.clone()),
            finished_at: Some(Some(now)),
            lease: Some(None),
            ..Change::default()
        };
        if !store::update_if(&*txn, task.id, &from, None, change).await? {
            return Ok(CallbackOutcome::Unchanged);
        }
        let event = events::task(&task, TaskStatus::Succeeded, reason, note_url.clone());
        if let Some(event) = event {
            emit(&*txn, event).await?;
        }
        if let Some(u) = note_url {
            crate::stats::records::advance(
                &*txn,
                task.post_id,
                task.robot_id,
                EventKind::Confirmed,
                Some(u),
                // Robots publish on XHS.
                Some(xhs_domain::SharePlatform::Xhs),
            )
            .await?;
        }
        CallbackOutcome::Succeeded
    } else {
        let msg = if result.msg.is_empty() {
            format!("code {}", result.code)
        } else {
            result.msg.clone()
        };
        let change = Change {
            status: Some(TaskStatus::Failed),
            reason: Some(Some(msg.clone())),
            finished_at: Some(Some(now)),
            lease: Some(None),
            ..Change::default()
        };
        if !store::update_if(&*txn, task.id, &from, None, change).await? {
            return Ok(CallbackOutcome::Unchanged);
        }
        if let Some(event) = events::task(&task, TaskStatus::Failed, Some(msg.clone()), None) {
            emit(&*txn, event).await?;
        }
        crate::stats::records::advance(
            &*txn,
            task.post_id,
            task.robot_id,
            EventKind::SdkFailed,
            Some(msg),
            // Robots publish on XHS.
            Some(xhs_domain::SharePlatform::Xhs),
        )
        .await?;
        CallbackOutcome::Failed
    };
    let audit = AuditChange::new(AuditAction::Update, AuditTarget::Task, task.id);
    let detail = format!("callback: {outcome:?}").to_lowercase();
    txn.commit(audit.detail(detail)).await?;
    Ok(outcome)
}

/// How long a callback waits for its task id to be recorded.
const RECORD_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The task a result is for. The provider may call back before the
/// dispatcher has stored the task id its answer carried (the callback can
/// come milliseconds after that answer, and a busy dispatcher commits
/// later): while some send is in that gap, wait for the id to appear
/// rather than refuse a result the provider may never send again.
async fn recorded(
    s: &Services,
    provider_task_id: &str,
) -> AppResult<Option<xhs_persistence::Task>> {
    let deadline = tokio::time::Instant::now() + RECORD_WAIT;
    loop {
        if let Some(task) = store::find_by_provider_id(&s.db, provider_task_id).await? {
            return Ok(Some(task));
        }
        if tokio::time::Instant::now() >= deadline
            || !xhs_persistence::task_watch::any_sending(&s.db).await?
        {
            // A send answered just before this check has its id stored now.
            return Ok(store::find_by_provider_id(&s.db, provider_task_id).await?);
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A pushed robot event: the robot's states change, and its tasks pause or
/// resume accordingly, in one write (a renamed robot's links show the new
/// name at once: the write tells the link cache).
pub async fn event(
    s: &Services,
    token: Option<&str>,
    client_ip: Option<String>,
    body: &Value,
) -> AppResult<()> {
    check_token(s, token)?;
    let e = RobotEvent::parse(body).ok_or_else(|| {
        FieldError::new(
            "body",
            Rule::Required,
            "an event needs a type and a robot row with an id",
        )
    })?;
    let provider = Actor::provider(client_ip);
    let w = s.write(&provider).await?;
    let seen = observe_robot(&*w, e.robot).await?;
    tracing::info!(robot_id = seen.id, kind = %e.kind, blocked = ?seen.block, "robot event");
    let audit = AuditChange::new(AuditAction::Update, AuditTarget::Robot, seen.id);
    w.commit(audit.detail(e.kind.to_string())).await
}
