//! The `[events]` section: the group-commit queue of share-page events.
use serde::Deserialize;
use std::time::Duration;
use xhs_app::stats::event_queue::QueuePolicy;

/// `XHSPUB__EVENTS__QUEUE_CAPACITY`, `…__BATCH_ROWS`, `…__LINGER_MS`.
#[derive(Debug, Deserialize)]
pub struct EventsSettings {
    /// Events the in-memory queue holds; when full, events answer 503
    /// `event_queue_full`.
    pub queue_capacity: usize,
    /// The most events one transaction writes.
    pub batch_rows: usize,
    /// How long the writer waits for more events before it writes a batch
    /// that is not full; 0 writes whatever is queued at once.
    pub linger_ms: u64,
}

impl EventsSettings {
    /// The queue's policy, refusing values that cannot work.
    pub fn policy(&self) -> anyhow::Result<QueuePolicy> {
        anyhow::ensure!(
            (1..=1_000_000).contains(&self.queue_capacity),
            "events.queue_capacity is {}; use 1 to 1000000",
            self.queue_capacity
        );
        anyhow::ensure!(
            (1..=10_000).contains(&self.batch_rows),
            "events.batch_rows is {}; use 1 to 10000",
            self.batch_rows
        );
        anyhow::ensure!(
            self.linger_ms <= 1_000,
            "events.linger_ms is {}; use 0 to 1000",
            self.linger_ms
        );
        Ok(QueuePolicy {
            capacity: self.queue_capacity,
            batch_rows: self.batch_rows,
            linger: Duration::from_millis(self.linger_ms),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn events(queue_capacity: usize, batch_rows: usize, linger_ms: u64) -> EventsSettings {
        EventsSettings {
            queue_capacity,
            batch_rows,
            linger_ms,
        }
    }

    #[test]
    fn the_defaults_make_a_policy() {
        let s = crate::Settings::load(None).unwrap();
        let p = s.events.policy().unwrap();
        assert_eq!(p, QueuePolicy::default());
    }

    #[test]
    fn zero_sizes_and_long_lingers_are_refused() {
        assert!(events(0, 10, 1).policy().is_err());
        assert!(events(10, 0, 1).policy().is_err());
        assert!(events(10, 10, 5_000).policy().is_err());
        assert!(events(1, 1, 0).policy().is_ok());
    }
}
