//! Reading robot tasks: the task list (keyset pages, newest first) and the
//! counts per status of a post or a robot.
use crate::entities::robot_task::{self, Entity as TaskEntity};
use crate::values::all;
use crate::{PersistenceError, Task};
use chrono::NaiveDateTime;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Select,
};
use xhs_domain::TaskStatus;

/// What the task list asks for; `before_id` is the keyset cursor.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    pub limit: u64,
    pub before_id: Option<i64>,
    pub post_id: Option<i64>,
    pub robot_id: Option<i64>,
    pub status: Option<TaskStatus>,
}

pub async fn list(
    db: &impl ConnectionTrait,
    f: &TaskFilter,
) -> Result<Vec<Task>, PersistenceError> {
    all(list_query(f).all(db).await?)
}

/// The list's query (public so a test can read its plan).
pub fn list_query(f: &TaskFilter) -> Select<TaskEntity> {
    let mut cond = Condition::all();
    if let Some(b) = f.before_id {
        cond = cond.add(robot_task::Column::Id.lt(b));
    }
    if let Some(p) = f.post_id {
        cond = cond.add(robot_task::Column::PostId.eq(p));
    }
    if let Some(r) = f.robot_id {
        cond = cond.add(robot_task::Column::RobotId.eq(r));
    }
    if let Some(s) = f.status {
        cond = cond.add(robot_task::Column::Status.eq(s.as_str()));
    }
    TaskEntity::find()
        .filter(cond)
        .order_by_desc(robot_task::Column::Id)
        .limit(f.limit)
}

/// `(status, count)` of the tasks of a post or a robot created since `since`.
pub async fn count_by_status(
    db: &impl ConnectionTrait,
    post_id: Option<i64>,
    robot_id: Option<i64>,
    since: NaiveDateTime,
) -> Result<Vec<(TaskStatus, i64)>, PersistenceError> {
    let mut q = TaskEntity::find()
        .select_only()
        .column(robot_task::Column::Status)
        .column_as(Expr::col(robot_task::Column::Id).count(), "n")
        .filter(robot_task::Column::CreatedAt.gte(since));
    if let Some(p) = post_id {
        q = q.filter(robot_task::Column::PostId.eq(p));
    }
    if let Some(r) = robot_id {
        q = q.filter(robot_task::Column::RobotId.eq(r));
    }
    let rows: Vec<(String, i64)> = q
        .group_by(robot_task::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(s, n)| {
            s.parse::<TaskStatus>()
                .map(|s| (s, n))
                .map_err(|_| PersistenceError::Corrupt {
                    column: "robot_task.status",
                    value: s.chars().take(40).collect(),
                })
        })
        .collect()
}
