//! Robot tasks. Every change is a compare-and-set on the status (and, for the
//! dispatcher, on its lease), so racing instances and late callbacks never
//! move a task twice.
use crate::campaign_sync::{resync, Scope};
use crate::entities::robot_task::{self, Entity as TaskEntity};
use crate::values::{all, one};
use crate::{now_utc, PersistenceError, Task};
use chrono::NaiveDateTime;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use xhs_domain::{RobotFunction, TaskStatus};

pub use crate::task_reads::{count_by_status, list, list_query, TaskFilter};

/// A task to create.
#[derive(Debug, Clone)]
pub struct NewTask {
    pub post_id: i64,
    pub robot_id: i64,
    pub function: RobotFunction,
    pub request_id: String,
    pub not_before: NaiveDateTime,
    /// The variant of the note to send; None: the note's own text.
    pub variant_id: Option<i64>,
}

pub async fn create(db: &impl ConnectionTrait, t: &NewTask) -> Result<Task, PersistenceError> {
    let now = now_utc();
    Task::try_from(
        robot_task::ActiveModel {
            post_id: Set(t.post_id),
            robot_id: Set(t.robot_id),
            function: Set(t.function.as_str().to_owned()),
            status: Set(TaskStatus::Queued.as_str().to_owned()),
            request_id: Set(t.request_id.clone()),
            not_before: Set(t.not_before),
            variant_id: Set(t.variant_id),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?,
    )
}

pub async fn find(db: &impl ConnectionTrait, id: i64) -> Result<Option<Task>, PersistenceError> {
    one(TaskEntity::find_by_id(id).one(db).await?)
}

pub async fn find_by_provider_id(
    db: &impl ConnectionTrait,
    provider_task_id: &str,
) -> Result<Option<Task>, PersistenceError> {
    one(TaskEntity::find()
        .filter(robot_task::Column::ProviderTaskId.eq(provider_task_id))
        .one(db)
        .await?)
}

/// A change to a task; `None` leaves a column as it is.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub status: Option<TaskStatus>,
    pub reason: Option<Option<String>>,
    pub wait_until: Option<Option<NaiveDateTime>>,
    pub sent_at: Option<Option<NaiveDateTime>>,
    pub finished_at: Option<Option<NaiveDateTime>>,
    pub provider_task_id: Option<Option<String>>,
    pub note_url: Option<Option<String>>,
    pub request_id: Option<String>,
    /// `Some(None)` releases the lease.
    pub lease: Option<Option<(String, NaiveDateTime)>>,
}

fn statuses(from: &[TaskStatus]) -> SimpleExpr {
    robot_task::Column::Status.is_in(from.iter().map(|s| s.as_str()))
}

/// Applies `change` to the task if its status is one of `from` (and, with
/// `owner`, the dispatcher still holds its lease); false otherwise.
pub async fn update_if(
    db: &impl ConnectionTrait,
    id: i64,
    from: &[TaskStatus],
    owner: Option<&str>,
    c: Change,
) -> Result<bool, PersistenceError> {
    let mut q =
        TaskEntity::update_many().col_expr(robot_task::Column::UpdatedAt, Expr::value(now_utc()));
    if let Some(s) = c.status {
        q = q.col_expr(robot_task::Column::Status, Expr::value(s.as_str()));
    }
    if let Some(r) = c.reason {
        q = q.col_expr(
            robot_task::Column::Reason,
            Expr::value(r.map(|r| r.chars().take(1000).collect::<String>())),
        );
    }
    if let Some(w) = c.wait_until {
        q = q.col_expr(robot_task::Column::WaitUntil, Expr::value(w));
    }
    if let Some(t) = c.sent_at {
        q = q.col_expr(robot_task::Column::SentAt, Expr::value(t));
    }
    if let Some(t) = c.finished_at {
        q = q.col_expr(robot_task::Column::FinishedAt, Expr::value(t));
    }
    if let Some(p) = c.provider_task_id {
        q = q.col_expr(robot_task::Column::ProviderTaskId, Expr::value(p));
    }
    if let Some(n) = c.note_url {
        q = q.col_expr(robot_task::Column::NoteUrl, Expr::value(n));
    }
    if let Some(r) = c.request_id {
        q = q.col_expr(robot_task::Column::RequestId, Expr::value(r));
    }
    if let Some(lease) = c.lease {
        let (o, u) = match lease {
            Some((o, u)) => (Some(o), Some(u)),
            None => (None, None),
        };
        q = q
            .col_expr(robot_task::Column::LeaseOwner, Expr::value(o))
            .col_expr(robot_task::Column::LeaseUntil, Expr::value(u));
    }
    let mut q = q
        .filter(robot_task::Column::Id.eq(id))
        .filter(statuses(from));
    if let Some(owner) = owner {
        q = q.filter(robot_task::Column::LeaseOwner.eq(owner));
    }
    let changed = q.exec(db).await?.rows_affected == 1;
    if changed && c.status.is_some() {
        // A campaign's assignment carried by the task moves with it.
        resync(db, &Scope::Tasks(vec![id])).await?;
    }
    Ok(changed)
}

/// Makes a task due at `at`.
pub async fn reschedule(
    db: &impl ConnectionTrait,
    id: i64,
    at: NaiveDateTime,
) -> Result<(), PersistenceError> {
    TaskEntity::update_many()
        .col_expr(robot_task::Column::NotBefore, Expr::value(at))
        .filter(robot_task::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Makes a task due at `at` if its status is one of `from` (not sent
/// yet); false otherwise.
pub async fn reschedule_if(
    db: &impl ConnectionTrait,
    id: i64,
    from: &[TaskStatus],
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let r = TaskEntity::update_many()
        .col_expr(robot_task::Column::NotBefore, Expr::value(at))
        .col_expr(robot_task::Column::UpdatedAt, Expr::value(now_utc()))
        .filter(robot_task::Column::Id.eq(id))
        .filter(statuses(from))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Ids of tasks due now and not leased by a live dispatcher, oldest first.
pub async fn due(
    db: &impl ConnectionTrait,
    now: NaiveDateTime,
    limit: u64,
) -> Result<Vec<i64>, PersistenceError> {
    Ok(TaskEntity::find()
        .select_only()
        .column(robot_task::Column::Id)
        .filter(statuses(&[TaskStatus::Queued, TaskStatus::Waiting]))
        .filter(robot_task::Column::NotBefore.lte(now))
        .filter(
            Condition::any()
                .add(robot_task::Column::WaitUntil.is_null())
                .add(robot_task::Column::WaitUntil.lte(now)),
        )
        .filter(
            Condition::any()
                .add(robot_task::Column::LeaseUntil.is_null())
                .add(robot_task::Column::LeaseUntil.lt(now)),
        )
        .order_by_asc(robot_task::Column::NotBefore)
        .order_by_asc(robot_task::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?)
}

/// Claims a due task for `owner` until `until`; false when another took it.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i64,
    owner: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let r = TaskEntity::update_many()
        .col_expr(robot_task::Column::LeaseOwner, Expr::value(owner))
        .col_expr(robot_task::Column::LeaseUntil, Expr::value(until))
        .filter(robot_task::Column::Id.eq(id))
        .filter(statuses(&[TaskStatus::Queued, TaskStatus::Waiting]))
        .filter(
            Condition::any()
                .add(robot_task::Column::LeaseUntil.is_null())
                .add(robot_task::Column::LeaseUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Moves every task of `from` matching `cond` to `to` with `reason`.
pub async fn move_all(
    db: &impl ConnectionTrait,
    cond: Condition,
    from: &[TaskStatus],
    to: TaskStatus,
    reason: Option<String>,
    finished: bool,
) -> Result<u64, PersistenceError> {
    let now = now_utc();
    let mut q = TaskEntity::update_many()
        .col_expr(robot_task::Column::Status, Expr::value(to.as_str()))
        .col_expr(robot_task::Column::Reason, Expr::value(reason))
        .col_expr(robot_task::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            robot_task::Column::LeaseOwner,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            robot_task::Column::LeaseUntil,
            Expr::value(Option::<NaiveDateTime>::None),
        );
    if finished {
        q = q.col_expr(robot_task::Column::FinishedAt, Expr::value(Some(now)));
    }
    // The tasks moved, so the campaign assignments they carry move too.
    let ids: Vec<i64> = TaskEntity::find()
        .select_only()
        .column(robot_task::Column::Id)
        .filter(cond.clone())
        .filter(statuses(from))
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(0);
    }
    let moved = q
        .filter(cond)
        .filter(robot_task::Column::Id.is_in(ids.iter().copied()))
        .filter(statuses(from))
        .exec(db)
        .await?
        .rows_affected;
    for chunk in ids.chunks(500) {
        resync(db, &Scope::Tasks(chunk.to_vec())).await?;
    }
    Ok(moved)
}

/// Condition helpers for [`move_all`].
pub fn of_robot(robot_id: i64) -> Condition {
    Condition::all().add(robot_task::Column::RobotId.eq(robot_id))
}

/// Tasks sent before `t`.
pub fn sent_before(t: NaiveDateTime) -> Condition {
    Condition::all().add(robot_task::Column::SentAt.lt(t))
}

/// Tasks whose lease ran out before `t` (their dispatcher died).
pub fn lease_expired(t: NaiveDateTime) -> Condition {
    Condition::all().add(robot_task::Column::LeaseUntil.lt(t))
}

/// Tasks of `from` matching `cond`, oldest first (at most `limit`).
pub async fn matching(
    db: &impl ConnectionTrait,
    cond: Condition,
    from: &[TaskStatus],
    limit: u64,
) -> Result<Vec<Task>, PersistenceError> {
    all(TaskEntity::find()
        .filter(cond)
        .filter(statuses(from))
        .order_by_asc(robot_task::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}
