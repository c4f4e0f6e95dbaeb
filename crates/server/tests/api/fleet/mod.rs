//! Robot fleets against the fake provider: a real HTTP server on 127.0.0.1
//! that enforces the guide's limits with 9400, calls results back later
//! (some twice, some never) and pushes robot events.
use crate::helpers::{spawn_app_with, valid_post, Options, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use xhs_fakes::robots::{FakeLimits, FakeRobots};
use xhs_server::Settings;

pub(super) const TOKEN: &str = "c0ffee00-merchant-token-fleet";

/// Short windows for tests: one publish per robot per second, ten a day.
pub(super) fn fast(s: &mut Settings) {
    s.robots.call_interval_secs = 1;
    s.robots.call_per_day = 10;
    s.robots.calls_per_day = 200;
    s.robots.dispatch_tick_ms = 100;
}

pub(super) fn fast_with_timeout(s: &mut Settings) {
    fast(s);
    s.robots.task_timeout_secs = 1;
}

pub(super) async fn fleet(robots: usize, settings: fn(&mut Settings)) -> (FakeRobots, TestApp) {
    let fake = FakeRobots::start(TOKEN, robots).await;
    fake.set_limits(FakeLimits {
        interval: Duration::from_secs(1),
        per_day: 10,
        total_per_day: 200,
    });
    let app = spawn_app_with(Options {
        robots: Some((fake.base_url(), TOKEN.into())),
        settings: Some(settings),
        ..Options::default()
    })
    .await;
    fake.set_callback(&app.url("/api/robots/callback"), Duration::from_millis(100));
    let synced = app.post_json("/api/robots/sync", &json!({})).await;
    assert_eq!(synced.status(), StatusCode::OK);
    (fake, app)
}

pub(super) async fn robot_ids(app: &TestApp) -> Vec<i64> {
    let page: Value = app.get("/api/robots?limit=100").await.json().await.unwrap();
    let mut ids: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

pub(super) async fn dispatch(app: &TestApp, robots: &[i64]) -> (i64, Vec<Value>) {
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let res = app
        .post_json(
            &format!("/api/posts/{post}/dispatch"),
            &json!({"robot_ids": robots}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    (post, body["tasks"].as_array().unwrap().clone())
}

pub(super) async fn tasks(app: &TestApp, post: i64) -> Vec<Value> {
    let page: Value = app
        .get(&format!("/api/tasks?post_id={post}&limit=100"))
        .await
        .json()
        .await
        .unwrap();
    page["items"].as_array().unwrap().clone()
}

/// Polls until every task of the post satisfies `done`, or fails after `secs`.
pub(super) async fn until(
    app: &TestApp,
    post: i64,
    secs: u64,
    done: impl Fn(&Value) -> bool,
) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let t = tasks(app, post).await;
        if !t.is_empty() && t.iter().all(&done) {
            return t;
        }
        assert!(Instant::now() < deadline, "tasks did not finish: {t:#?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub(super) fn status(t: &Value) -> &str {
    t["status"].as_str().unwrap_or_default()
}

mod callbacks;
mod events;
mod limits;
mod results;
