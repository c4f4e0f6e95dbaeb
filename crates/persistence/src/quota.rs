//! The provider's limits as counters in the database, reserved atomically
//! before each call (conditional updates that the database serializes), so
//! they survive a restart and two instances never exceed them together. Run
//! [`reserve`] in a transaction: when it answers `Wait`, roll back.
use crate::entities::robot_quota::{self, Entity as Quota};
use crate::PersistenceError;
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// The function row that counts every call of a robot on a day.
const ALL: &str = "all";
/// The day of the row that remembers a function's last call.
const LAST: &str = "-";

/// The limits of one function of one robot.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// At most one call per this many seconds.
    pub interval: chrono::Duration,
    /// Calls of this function per day.
    pub per_day: i32,
    /// Calls of all functions per day.
    pub total_per_day: i32,
}

/// Whether a call may go now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reservation {
    Reserved,
    /// Over the interval: not before this instant.
    WaitInterval(DateTime<Utc>),
    /// Over a daily count: not before the next day.
    WaitDay,
}

async fn ensure_row(
    db: &impl ConnectionTrait,
    robot_id: i64,
    function: &str,
    day: &str,
) -> Result<(), PersistenceError> {
    Quota::insert(robot_quota::ActiveModel {
        robot_id: Set(robot_id),
        function: Set(function.to_owned()),
        day: Set(day.to_owned()),
        calls: Set(0),
        last_call_at: Set(None),
    })
    .on_conflict(
        OnConflict::columns([
            robot_quota::Column::RobotId,
            robot_quota::Column::Function,
            robot_quota::Column::Day,
        ])
        // MySQL has no DO NOTHING; sea-query polyfills it with a no-op update.
        .do_nothing_on([robot_quota::Column::Calls])
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

fn row(robot_id: i64, function: &str, day: &str) -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(robot_quota::Column::RobotId.eq(robot_id))
        .add(robot_quota::Column::Function.eq(function))
        .add(robot_quota::Column::Day.eq(day))
}

/// The next whole second at or after `t`.
fn ceil_second(t: NaiveDateTime) -> NaiveDateTime {
    use chrono::{SubsecRound, Timelike};
    let whole = t.trunc_subsecs(0);
    if t.nanosecond() == 0 {
        whole
    } else {
        whole + chrono::Duration::seconds(1)
    }
}

/// Reserves one call of `function` for `robot_id` on `day` (the provider's
/// day, `YYYY-MM-DD`) at `now`.
pub async fn reserve(
    db: &impl ConnectionTrait,
    robot_id: i64,
    function: &str,
    day: &str,
    now: NaiveDateTime,
    limits: Limits,
) -> Result<Reservation, PersistenceError> {
    for (f, d) in [(function, LAST), (function, day), (ALL, day)] {
        ensure_row(db, robot_id, f, d).await?;
    }
    let threshold = now - limits.interval;
    // Rounded up to the second: MySQL keeps whole seconds, and a stamp later
    // than the call only makes the next one wait a little longer, never less.
    let stamp = ceil_second(now);
    let spaced = Quota::update_many()
        .col_expr(robot_quota::Column::LastCallAt, Expr::value(Some(stamp)))
        .filter(row(robot_id, function, LAST))
        .filter(
            sea_orm::Condition::any()
                .add(robot_quota::Column::LastCallAt.is_null())
                .add(robot_quota::Column::LastCallAt.lte(threshold)),
        )
        .exec(db)
        .await?;
    if spaced.rows_affected != 1 {
        let last = Quota::find()
            .filter(row(robot_id, function, LAST))
            .one(db)
            .await?
            .and_then(|r| r.last_call_at)
            .unwrap_or(now);
        return Ok(Reservation::WaitInterval(crate::utc(
            last + limits.interval,
        )));
    }
    for (f, max) in [(function, limits.per_day), (ALL, limits.total_per_day)] {
        let counted = Quota::update_many()
            .col_expr(
                robot_quota::Column::Calls,
                Expr::col(robot_quota::Column::Calls).add(1),
            )
            .filter(row(robot_id, f, day))
            .filter(robot_quota::Column::Calls.lt(max))
            .exec(db)
            .await?;
        if counted.rows_affected != 1 {
            return Ok(Reservation::WaitDay);
        }
    }
    Ok(Reservation::Reserved)
}
