//! Prometheus metrics: the process-wide recorder, the HTTP requests'
//! counters ([`requests`]) and `GET /metrics` ([`scrape`]).
//!
//! The `metrics` facade has one recorder per process, installed here the
//! first time a server is built; every later server in the process (the
//! tests start many) shares it, so counters are process-wide and a test
//! reads how much a counter moved, never its absolute value.
pub mod requests;
pub mod scrape;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Duration;

/// Seconds: from a cached share page (a millisecond) to a slow upload.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// Events per group commit, up to the largest `batch_rows` worth having.
const BATCH_BUCKETS: &[f64] = &[1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0];
/// Seconds from an event to its first delivery attempt (the worker ticks each second).
const LAG_BUCKETS: &[f64] = &[0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0];

/// How often the recorder folds histogram samples and forgets nothing else:
/// without it a process that is never scraped keeps every sample.
const UPKEEP: Duration = Duration::from_secs(5);

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process's recorder, installed on first use; None when another
/// recorder was installed before (then `/metrics` has nothing to show).
pub fn handle() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| match install() {
            Ok(h) => {
                describe();
                let upkeep = h.clone();
                let started = std::thread::Builder::new()
                    .name("metrics-upkeep".into())
                    .spawn(move || loop {
                        std::thread::sleep(UPKEEP);
                        upkeep.run_upkeep();
                    });
                if let Err(e) = started {
                    tracing::warn!(error = %e, "metrics upkeep thread not started");
                }
                Some(h)
            }
            Err(e) => {
                tracing::warn!(error = %e, "metrics recorder not installed");
                None
            }
        })
        .as_ref()
}

fn install() -> Result<PrometheusHandle, metrics_exporter_prometheus::BuildError> {
    PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full("xhs_http_request_duration_seconds".into()),
            LATENCY_BUCKETS,
        )?
        .set_buckets_for_metric(Matcher::Full("xhs_event_batch_rows".into()), BATCH_BUCKETS)?
        .set_buckets_for_metric(
            Matcher::Full("xhs_webhook_delivery_lag_seconds".into()),
            LAG_BUCKETS,
        )?
        .install_recorder()
}

/// The HELP line of every metric (names are the contract of dashboards and
/// alerts: see the README's Metrics section).
fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
    describe_counter!(
        "xhs_http_requests_total",
        "HTTP requests by route pattern, method and status"
    );
    describe_histogram!(
        "xhs_http_request_duration_seconds",
        Unit::Seconds,
        "Time to the response head, by route pattern and method"
    );
    describe_gauge!(
        "xhs_db_pool_connections",
        "Database connections open, idle or in use"
    );
    describe_gauge!(
        "xhs_db_pool_max_connections",
        "The most connections the pool opens"
    );
    describe_counter!(
        "xhs_db_unavailable_total",
        "Requests answered 503 database_unavailable (no connection within the wait)"
    );
    describe_gauge!(
        "xhs_event_queue_depth",
        "Share-page events waiting for the writer"
    );
    describe_gauge!(
        "xhs_event_queue_capacity",
        "The most events the queue holds"
    );
    describe_counter!(
        "xhs_event_queue_full_total",
        "Events refused with 503 event_queue_full"
    );
    describe_histogram!("xhs_event_batch_rows", "Events written per group commit");
    describe_counter!(
        "xhs_webhook_deliveries_total",
        "Webhook delivery attempts by outcome"
    );
    describe_histogram!(
        "xhs_webhook_delivery_lag_seconds",
        Unit::Seconds,
        "From an event to its first delivery attempt"
    );
    describe_gauge!(
        "xhs_webhook_deliveries_pending",
        "Webhook deliveries not yet succeeded or failed"
    );
    describe_gauge!(
        "xhs_webhook_oldest_due_seconds",
        Unit::Seconds,
        "How long the oldest due webhook delivery has waited past its time"
    );
    describe_gauge!("xhs_robot_tasks", "Robot tasks by status");
    describe_counter!(
        "xhs_robot_provider_calls_total",
        "Calls to the robot provider by function and outcome"
    );
    describe_counter!(
        "xhs_token_fetches_total",
        "Platform token fetches by platform, token and outcome"
    );
    describe_counter!(
        "xhs_link_cache_total",
        "Share-link resolutions: hit, miss, or off (TTL 0)"
    );
    describe_counter!(
        "xhs_metrics_sample_failures_total",
        "Scrapes whose database gauges could not be read"
    );
}
