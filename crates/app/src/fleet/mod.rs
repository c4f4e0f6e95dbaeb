//! Robot fleets: one note dispatched to many robot accounts, sent by a
//! dispatcher that never breaks a limit of the provider, and tracked to its
//! end through callbacks, pushed events and timeouts (XHS_FACTS section 5).
pub mod dispatch;
pub mod dispatcher;
pub mod inbound;
mod moves;
pub mod robots;
pub mod tasks;

use chrono::Duration;

/// The provider's limits per robot (the guide's, unless configured).
#[derive(Debug, Clone, Copy)]
pub struct RobotLimits {
    /// The login function: one call per this long, and so many a day.
    pub login_interval: Duration,
    pub login_per_day: i32,
    /// Every other function, each on its own: one call per this long, and so
    /// many a day.
    pub call_interval: Duration,
    pub call_per_day: i32,
    /// All functions of one robot together, per day.
    pub total_per_day: i32,
}

impl Default for RobotLimits {
    fn default() -> Self {
        Self {
            login_interval: Duration::minutes(5),
            login_per_day: 50,
            call_interval: Duration::minutes(1),
            call_per_day: 100,
            total_per_day: 200,
        }
    }
}

/// How the fleet behaves.
#[derive(Debug, Clone)]
pub struct FleetPolicy {
    pub limits: RobotLimits,
    /// An accepted task not called back by then is `timed_out` (the guide: 7200 s).
    pub task_timeout: Duration,
    /// An accepted task not called back by then is shown as overdue, long
    /// before the timeout, so a lost callback is seen while it still matters.
    pub callback_grace: Duration,
    pub callback: xhs_robots::CallbackFields,
    /// How long a dispatcher holds a task it is sending.
    pub lease: Duration,
    /// How long a task waits after a 9400 answer before it is tried again.
    pub rate_limited_backoff: Duration,
}

impl Default for FleetPolicy {
    fn default() -> Self {
        Self {
            limits: RobotLimits::default(),
            task_timeout: Duration::seconds(7200),
            callback_grace: Duration::seconds(600),
            callback: xhs_robots::CallbackFields::default(),
            lease: Duration::seconds(60),
            rate_limited_backoff: Duration::seconds(60),
        }
    }
}

impl FleetPolicy {
    /// Accepted, and not called back within the grace after its send.
    pub fn is_overdue(&self, task: &crate::Task, now: chrono::DateTime<chrono::Utc>) -> bool {
        task.status == xhs_domain::TaskStatus::Accepted
            && task
                .sent_at
                .is_some_and(|at| at + self.callback_grace <= now)
    }
}

/// The provider counts days in China time.
pub(crate) fn provider_day(now: chrono::DateTime<chrono::Utc>) -> String {
    now.with_timezone(&chrono_tz::Asia::Shanghai)
        .date_naive()
        .to_string()
}

/// The start of the next China day, as UTC.
pub(crate) fn next_provider_day(
    now: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    let local = now.with_timezone(&chrono_tz::Asia::Shanghai).date_naive();
    let next = local
        .succ_opt()
        .unwrap_or(local)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    chrono_tz::Asia::Shanghai
        .from_local_datetime(&next)
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or(now + Duration::days(1))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn provider_days_are_china_days() {
        // 17:30 UTC is 01:30 the next day in Beijing.
        let t = chrono::Utc.with_ymd_and_hms(2026, 3, 1, 17, 30, 0).unwrap();
        assert_eq!(provider_day(t), "2026-03-02");
        assert_eq!(
            next_provider_day(t),
            chrono::Utc.with_ymd_and_hms(2026, 3, 2, 16, 0, 0).unwrap()
        );
    }
}
