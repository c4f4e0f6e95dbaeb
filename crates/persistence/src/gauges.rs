//! What a metrics scrape samples from the database: the pool as it stands,
//! robot tasks by status and the webhook deliveries still waiting. Each is
//! a cheap query (or none), run only when Prometheus asks.
use crate::entities::robot_task::{self, Entity as TaskEntity};
use crate::entities::webhook_delivery::{self as delivery, Entity as DeliveryEntity};
use crate::values::parse;
use crate::PersistenceError;
use chrono::NaiveDateTime;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect,
};
use xhs_domain::{TaskStatus, WebhookDeliveryStatus};

/// The connection pool at this moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Connections open (idle or lent out).
    pub size: u32,
    /// Open and waiting for a query.
    pub idle: u32,
    /// The most the pool opens; a request beyond that waits for one.
    pub max: u32,
}

/// The pool of `db` (sqlx's own counts, no query).
pub fn pool(db: &DatabaseConnection) -> PoolStats {
    // The backend is checked first: the getters panic on another backend.
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let p = db.get_sqlite_connection_pool();
            stats(p.size(), p.num_idle(), p.options().get_max_connections())
        }
        DatabaseBackend::MySql => {
            let p = db.get_mysql_connection_pool();
            stats(p.size(), p.num_idle(), p.options().get_max_connections())
        }
        DatabaseBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            stats(p.size(), p.num_idle(), p.options().get_max_connections())
        }
    }
}

fn stats(size: u32, idle: usize, max: u32) -> PoolStats {
    PoolStats {
        size,
        idle: u32::try_from(idle).unwrap_or(u32::MAX),
        max,
    }
}

/// `(status, count)` of every robot task, in one grouped query.
pub async fn tasks_by_status(
    db: &impl ConnectionTrait,
) -> Result<Vec<(TaskStatus, i64)>, PersistenceError> {
    let rows: Vec<(String, i64)> = TaskEntity::find()
        .select_only()
        .column(robot_task::Column::Status)
        .column_as(Expr::col(robot_task::Column::Id).count(), "n")
        .group_by(robot_task::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    rows.into_iter()
        .map(|(s, n)| Ok((parse("robot_task.status", &s)?, n)))
        .collect()
}

/// Webhook deliveries still to be sent, and the oldest due time among those
/// already due (how far the worker is behind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingDeliveries {
    pub pending: i64,
    pub oldest_due: Option<NaiveDateTime>,
}

/// Pending deliveries and the oldest one due by `now` (two small queries).
pub async fn pending_deliveries(
    db: &impl ConnectionTrait,
    now: NaiveDateTime,
) -> Result<PendingDeliveries, PersistenceError> {
    let pending = || {
        DeliveryEntity::find()
            .select_only()
            .filter(delivery::Column::Status.eq(WebhookDeliveryStatus::Pending.as_str()))
    };
    let count: Option<i64> = pending()
        .column_as(Expr::col(delivery::Column::Id).count(), "n")
        .into_tuple()
        .one(db)
        .await?;
    let oldest_due: Option<Option<NaiveDateTime>> = pending()
        .column_as(Expr::col(delivery::Column::NextAttemptAt).min(), "oldest")
        .filter(delivery::Column::NextAttemptAt.lte(now))
        .into_tuple()
        .one(db)
        .await?;
    Ok(PendingDeliveries {
        pending: count.unwrap_or(0),
        oldest_due: oldest_due.flatten(),
    })
}
