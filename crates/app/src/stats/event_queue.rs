//! Group commit of share-page events. A handler validates its event, puts it
//! on a bounded in-memory queue and awaits its commit; one writer per
//! process takes what is queued (up to `batch_rows`, waiting at most
//! `linger` for more) and writes it in one transaction: the events, their
//! counts and the publish records they move. So the HTTP answer still means
//! "stored", and a crowd costs one commit per batch instead of one per event.
//! A full queue refuses at once ([`AppError::EventQueueFull`]); on shutdown
//! the writer writes everything still queued before it returns.
use crate::stats::records::record_events;
use crate::{AppError, AppResult, Services};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::{mpsc, oneshot, watch};
use xhs_persistence::events::NewEvent;
use xhs_persistence::DatabaseConnection;

/// How the queue and its writer behave (`[events]` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueuePolicy {
    /// Events the queue holds; one more is refused.
    pub capacity: usize,
    /// The most events one transaction writes.
    pub batch_rows: usize,
    /// How long the writer waits for more events before it writes a batch
    /// that is not full; zero writes whatever is queued at once.
    pub linger: Duration,
}

impl Default for QueuePolicy {
    fn default() -> Self {
        Self {
            capacity: 10_000,
            batch_rows: 500,
            linger: Duration::from_millis(1),
        }
    }
}

/// An event waiting for its batch, and who waits for the outcome.
struct Pending {
    event: NewEvent,
    detail: Option<String>,
    done: oneshot::Sender<AppResult<()>>,
}

/// The queue between the handlers and the writer.
pub struct EventQueue {
    tx: mpsc::Sender<Pending>,
    /// Until the writer takes it.
    rx: Mutex<Option<mpsc::Receiver<Pending>>>,
    /// Whether a writer took the queue: without one (tools, a process that
    /// never started it) each event is written at once, as before.
    writer_started: AtomicBool,
    /// Events the queue took, in all (for tests and figures).
    accepted: AtomicU64,
    policy: QueuePolicy,
}

impl EventQueue {
    pub fn new(policy: QueuePolicy) -> Self {
        let (tx, rx) = mpsc::channel(policy.capacity.max(1));
        Self {
            tx,
            rx: Mutex::new(Some(rx)),
            writer_started: AtomicBool::new(false),
            accepted: AtomicU64::new(0),
            policy,
        }
    }

    /// How many events the queue has taken since the process started.
    pub fn accepted(&self) -> u64 {
        self.accepted.load(Ordering::Acquire)
    }

    /// Events waiting for the writer now (sampled by a metrics scrape).
    pub fn depth(&self) -> usize {
        self.tx.max_capacity().saturating_sub(self.tx.capacity())
    }

    /// The most events the queue holds.
    pub fn capacity(&self) -> usize {
        self.tx.max_capacity()
    }

    /// The writer of this queue; `None` once taken (one writer per process).
    pub fn writer(&self) -> Option<EventWriter> {
        let rx = self.rx.lock().ok()?.take()?;
        self.writer_started.store(true, Ordering::Release);
        Some(EventWriter {
            rx,
            policy: self.policy,
        })
    }

    /// Stores an event and moves its publish record, answering once it is
    /// committed. A full queue refuses; a queue whose writer has stopped
    /// (the process is shutting down) writes the event at once.
    pub(crate) async fn submit(
        &self,
        s: &Services,
        event: NewEvent,
        detail: Option<String>,
    ) -> AppResult<()> {
        if !self.writer_started.load(Ordering::Acquire) {
            return write(&s.db, &[(event, detail)]).await;
        }
        let (done, answer) = oneshot::channel();
        match self.tx.try_send(Pending {
            event,
            detail,
            done,
        }) {
            Ok(()) => {
                self.accepted.fetch_add(1, Ordering::AcqRel);
            }
            Err(TrySendError::Full(_)) => {
                metrics::counter!("xhs_event_queue_full_total").increment(1);
                return Err(AppError::EventQueueFull);
            }
            Err(TrySendError::Closed(p)) => return write(&s.db, &[(p.event, p.detail)]).await,
        }
        answer
            .await
            .unwrap_or_else(|_| Err(AppError::storage("the event writer ended before answering")))
    }
}

/// Writes the queue's events in batches; see [`EventWriter::run`].
pub struct EventWriter {
    rx: mpsc::Receiver<Pending>,
    policy: QueuePolicy,
}

impl EventWriter {
    /// Writes batch after batch until `stop` turns true (or its sender is
    /// gone); then closes the queue (later events are written at once by
    /// their handlers) and writes everything still queued before returning.
    ///
    /// `db` is the writer's own pool, made on the runtime the writer runs
    /// on: a connection opened by an HTTP worker is bound to that worker's
    /// runtime and breaks when the server stops, while events queued then
    /// must still be written (and a failed write cannot simply be tried
    /// again: its COMMIT may have reached the database).
    pub async fn run(mut self, db: &DatabaseConnection, mut stop: watch::Receiver<bool>) {
        let rows = self.policy.batch_rows.max(1);
        let mut batch = Vec::with_capacity(rows);
        loop {
            tokio::select! {
                n = self.rx.recv_many(&mut batch, rows) => if n == 0 { return },
                _ = stop.changed() => break,
            }
            self.linger(&mut batch, rows).await;
            write_batch(db, std::mem::take(&mut batch)).await;
        }
        self.rx.close();
        while self.rx.recv_many(&mut batch, rows).await > 0 {
            write_batch(db, std::mem::take(&mut batch)).await;
        }
        tracing::info!("event writer drained and stopped");
    }

    /// Waits up to the linger for a batch that is not yet full.
    async fn linger(&mut self, batch: &mut Vec<Pending>, rows: usize) {
        if self.policy.linger.is_zero() {
            return;
        }
        let until = tokio::time::Instant::now() + self.policy.linger;
        while batch.len() < rows {
            let more = self.rx.recv_many(batch, rows - batch.len());
            match tokio::time::timeout_at(until, more).await {
                Ok(n) if n > 0 => {}
                _ => break,
            }
        }
    }
}

/// Writes a batch in one transaction and answers each handler. When the
/// batch fails, each event is tried alone, so one bad event fails alone.
async fn write_batch(db: &DatabaseConnection, batch: Vec<Pending>) {
    let (items, dones): (Vec<_>, Vec<_>) = batch
        .into_iter()
        .map(|p| ((p.event, p.detail), p.done))
        .unzip();
    let started = std::time::Instant::now();
    metrics::histogram!("xhs_event_batch_rows").record(items.len() as f64);
    match write(db, &items).await {
        Ok(()) => {
            tracing::debug!(
                events = items.len(),
                elapsed_us = started.elapsed().as_micros() as u64,
                "event batch written"
            );
            for done in dones {
                // A handler that gave up (its client left) needs no answer.
                let _ = done.send(Ok(()));
            }
        }
        Err(e) if items.len() == 1 => {
            if let Some(done) = dones.into_iter().next() {
                if let Err(Err(e)) = done.send(Err(e)) {
                    // Nobody waits any more (the client left, or the server
                    // stopped): this log line is all that is left of it.
                    tracing::error!(error = %e, "a queued event could not be written");
                }
            }
        }
        Err(e) => {
            tracing::warn!(error = %e, events = items.len(), "event batch failed; writing its events one by one");
            for (item, done) in items.into_iter().zip(dones) {
                let _ = done.send(write(db, std::slice::from_ref(&item)).await);
            }
        }
    }
}

/// One transaction: the events, their counts, and the records they move.
async fn write(db: &DatabaseConnection, items: &[(NewEvent, Option<String>)]) -> AppResult<()> {
    let txn = xhs_persistence::begin_write(db).await?;
    record_events(&txn, items).await?;
    txn.commit().await?;
    Ok(())
}
