//! Signed webhooks (issue 22): endpoints, the outbox written with the change,
//! the worker's retries and leases, and the Standard Webhooks signature. A
//! receiver here is a real HTTP server on 127.0.0.1 that records every
//! request and answers from a script.
mod crud;
mod delivery;
mod fleet_events;
mod receiver;
mod reliability;

use crate::helpers::{spawn_app_with, Options, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use xhs_server::Settings;

/// Private addresses and http allowed (the receiver is on 127.0.0.1), retries
/// after 0.2 s, a short lease and a fast worker.
pub(super) fn fast(s: &mut Settings) {
    s.webhooks.allow_private = true;
    s.webhooks.retry_schedule_secs = "0.2,0.2".into();
    s.webhooks.timeout_ms = 2000;
    s.webhooks.lease_ms = 3000;
    s.webhooks.tick_ms = 50;
}

pub(super) async fn app() -> TestApp {
    spawn_app_with(Options {
        settings: Some(fast),
        ..Options::default()
    })
    .await
}

/// Creates an endpoint; answers its id and secret.
pub(super) async fn endpoint(app: &TestApp, url: &str, events: &[&str]) -> (i64, String) {
    let res = app
        .post_json("/api/webhooks", &json!({"url": url, "events": events}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    (
        body["webhook"]["id"].as_i64().unwrap(),
        body["secret"].as_str().unwrap().to_owned(),
    )
}

pub(super) async fn deliveries(app: &TestApp, id: i64) -> Vec<Value> {
    let res = app
        .get(&format!("/api/webhooks/{id}/deliveries?limit=100"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json::<Value>().await.unwrap()["items"]
        .as_array()
        .unwrap()
        .clone()
}

/// Polls until `done` holds, failing after `secs` with what was seen last.
pub(super) async fn until<T: std::fmt::Debug, F, Fut>(
    secs: u64,
    mut probe: F,
    done: impl Fn(&T) -> bool,
) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let v = probe().await;
        if done(&v) {
            return v;
        }
        assert!(Instant::now() < deadline, "gave up waiting; last: {v:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
