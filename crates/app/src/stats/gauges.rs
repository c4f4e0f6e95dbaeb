//! Gauges sampled when Prometheus scrapes `/metrics`: what stands now rather
//! than what happened (which the counters beside each feature count). The
//! pool and the event queue cost nothing to read; robot tasks and pending
//! webhook deliveries cost one grouped query each, once per scrape.
use crate::{AppResult, Services};
use strum::IntoEnumIterator;
use xhs_domain::TaskStatus;
use xhs_persistence::gauges;

/// Sets every scrape-time gauge from this instance's view.
pub async fn sample(s: &Services) -> AppResult<()> {
    let pool = gauges::pool(&s.db);
    metrics::gauge!("xhs_db_pool_connections", "state" => "idle").set(f64::from(pool.idle));
    metrics::gauge!("xhs_db_pool_connections", "state" => "in_use")
        .set(f64::from(pool.size.saturating_sub(pool.idle)));
    metrics::gauge!("xhs_db_pool_max_connections").set(f64::from(pool.max));

    metrics::gauge!("xhs_event_queue_depth").set(s.events.depth() as f64);
    metrics::gauge!("xhs_event_queue_capacity").set(s.events.capacity() as f64);

    // Every status, so one that emptied reads 0 rather than its last count.
    let counted = gauges::tasks_by_status(&s.db).await?;
    for status in TaskStatus::iter() {
        let n = counted
            .iter()
            .find(|(st, _)| *st == status)
            .map_or(0, |(_, n)| *n);
        metrics::gauge!("xhs_robot_tasks", "status" => status.as_str()).set(n as f64);
    }

    let now = xhs_persistence::now_utc();
    let pending = gauges::pending_deliveries(&s.db, now).await?;
    metrics::gauge!("xhs_webhook_deliveries_pending").set(pending.pending as f64);
    let behind = pending
        .oldest_due
        .map_or(0, |due| (now - due).num_milliseconds().max(0));
    metrics::gauge!("xhs_webhook_oldest_due_seconds").set(behind as f64 / 1000.0);
    Ok(())
}
