//! What the console and the callback endpoint ask about tasks in flight:
//! how many accepted tasks are overdue for their callback, and whether any
//! send is between the provider's answer and our record of it.
use crate::entities::robot_task::{self, Entity as TaskEntity};
use crate::PersistenceError;
use chrono::NaiveDateTime;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use xhs_domain::TaskStatus;

/// Accepted tasks sent before `sent_before` and still not called back.
pub async fn count_overdue(
    db: &impl ConnectionTrait,
    sent_before: NaiveDateTime,
) -> Result<i64, PersistenceError> {
    let n = TaskEntity::find()
        .filter(robot_task::Column::Status.eq(TaskStatus::Accepted.as_str()))
        .filter(robot_task::Column::SentAt.lt(sent_before))
        .count(db)
        .await?;
    Ok(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Whether some task is `sending`: its provider task id may be on its way.
pub async fn any_sending(db: &impl ConnectionTrait) -> Result<bool, PersistenceError> {
    let n = TaskEntity::find()
        .filter(robot_task::Column::Status.eq(TaskStatus::Sending.as_str()))
        .count(db)
        .await?;
    Ok(n > 0)
}
