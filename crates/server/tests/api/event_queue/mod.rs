//! Share-page events go through a bounded queue and are written in batches
//! (group commit) with their rollup counts: nothing accepted is lost, a full
//! queue answers 503, the counts always equal a recount of the raw rows.
use crate::helpers::{
    count_rows, in_flight, problem, rollups_and_recount, spawn_app_with, Options, TestApp,
};
use crate::share::{event, post_with_link};
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_persistence::ConnectionTrait;
use xhs_server::Settings;

fn no_limits() -> xhs_api::ShareSettings {
    xhs_api::ShareSettings {
        per_client_per_minute: 100_000,
        per_token_per_minute: 100_000,
        ..Default::default()
    }
}

fn small_batches(s: &mut Settings) {
    s.events.batch_rows = 3;
    s.events.linger_ms = 2;
}

/// One event per batch, none waiting for company: a held writer holds
/// exactly one event, and the queue the rest.
fn one_by_one(s: &mut Settings) {
    s.events.batch_rows = 1;
    s.events.linger_ms = 0;
}

fn queue_of_one(s: &mut Settings) {
    one_by_one(s);
    s.events.queue_capacity = 1;
}

async fn with(settings: fn(&mut Settings)) -> TestApp {
    spawn_app_with(Options {
        share: no_limits(),
        settings: Some(settings),
        ..Options::default()
    })
    .await
}

/// Today in the default statistics zone, as events are dated.
fn today() -> String {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%d")
        .to_string()
}

/// Holds the event writer back: an open transaction holds the rollup row an
/// `opened` event of `link` will upsert (SQLite: the write lock), so the
/// writer's transaction waits until this one rolls back.
async fn hold_writer(app: &TestApp, link: &Value) -> sea_orm::DatabaseTransaction {
    let lock = sea_orm::TransactionTrait::begin(&app.db).await.unwrap();
    lock.execute_unprepared(&format!(
        "INSERT INTO share_event_count (link_id, post_id, day, kind, platform, n) \
         VALUES ({}, {}, '{}', 'opened', '', 0)",
        link["id"],
        link["post_id"],
        today()
    ))
    .await
    .unwrap();
    lock
}

fn opened(app: &TestApp, token: &str) -> Sending {
    let req = app
        .client
        .post(app.url(&format!("/api/share/{token}/events")))
        .json(&json!({"kind": "opened"}));
    tokio::spawn(req.send())
}

async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

/// Waits until the queue has taken `n` events in all, then lets the writer
/// pick them up (a fixed sleep alone raced on a loaded machine).
async fn queued(app: &TestApp, n: u64) {
    for _ in 0..200 {
        if app.state.app.events.accepted() >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(app.state.app.events.accepted(), n, "events queued");
    settle().await;
}

type Sending = tokio::task::JoinHandle<reqwest::Result<reqwest::Response>>;

/// Fills a queue of one: the writer blocked on `link`'s rows by the lock
/// returned, with one event taken and one queued, both still unanswered.
async fn fill(app: &TestApp, link: &Value) -> (sea_orm::DatabaseTransaction, Sending, Sending) {
    let token = link["token"].as_str().unwrap();
    let lock = hold_writer(app, link).await;
    let first = opened(app, token);
    queued(app, 1).await;
    let second = opened(app, token);
    queued(app, 2).await;
    (lock, first, second)
}

/// A full queue's answer (for the error-code census).
pub async fn full_queue_response() -> reqwest::Response {
    let app = with(queue_of_one).await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let (lock, first, second) = fill(&app, &link).await;
    let token = link["token"].as_str().unwrap();
    let res = event(&app, token, json!({"kind": "opened"})).await;
    lock.rollback().await.unwrap();
    first.await.unwrap().unwrap();
    second.await.unwrap().unwrap();
    res
}

mod counts;
mod faults;

#[tokio::test]
async fn many_concurrent_events_in_small_batches_all_land_and_are_counted_exactly() {
    let app = with(small_batches).await;
    let acc = app.create_account("批量", "test").await;
    let (post, link) = post_with_link(&app, json!({"account_id": acc})).await;
    let token = link["token"].as_str().unwrap().to_owned();
    let kinds = ["opened", "publish_tapped", "sdk_loaded", "app_opened"];
    let sends = (0..200).map(|i| {
        let body = match kinds[i % 4] {
            "opened" => json!({"kind": "opened"}),
            k => json!({"kind": k, "platform": "xhs"}),
        };
        let req = app
            .client
            .post(app.url(&format!("/api/share/{token}/events")))
            .json(&body);
        async move { req.send().await.unwrap().status() }
    });

    let statuses = in_flight(sends).await;

    assert!(statuses.iter().all(|s| *s == StatusCode::NO_CONTENT));
    assert_eq!(count_rows(&app.db, "share_event").await, 200);
    let stats = app.get_json(&format!("/api/posts/{post}/stats")).await;
    let t = &stats["totals"];
    assert_eq!(
        (
            t["opens"].as_i64(),
            t["taps"].as_i64(),
            t["sdk_loads"].as_i64(),
            t["app_opens"].as_i64()
        ),
        (Some(50), Some(50), Some(50), Some(50))
    );
    assert_eq!(stats["by_platform"][0]["taps"], 50);
    let records = app
        .get_json(&format!("/api/records?account_id={acc}"))
        .await;
    assert_eq!(records[0]["status"], "app_opened", "the record moved along");
    let (stored, recount) = rollups_and_recount(&app.db).await;
    assert_eq!(stored, recount);
}

#[tokio::test]
async fn two_instances_writing_at_once_never_lose_a_count() {
    let a = with(small_batches).await;
    let b = spawn_app_with(Options {
        share: no_limits(),
        settings: Some(small_batches),
        database_url: Some(a.db_url.clone()),
        ..Options::default()
    })
    .await;
    let (post, link) = post_with_link(&a, json!({})).await;
    let token = link["token"].as_str().unwrap().to_owned();
    let sends = (0..200).map(|i| {
        let app = if i % 2 == 0 { &a } else { &b };
        let req = app
            .client
            .post(app.url(&format!("/api/share/{token}/events")))
            .json(&json!({"kind": "publish_tapped", "platform": "xhs"}));
        async move { req.send().await.unwrap().status() }
    });

    let statuses = in_flight(sends).await;

    assert!(statuses.iter().all(|s| *s == StatusCode::NO_CONTENT));
    let stats = a.get_json(&format!("/api/posts/{post}/stats")).await;
    assert_eq!(stats["totals"]["taps"], 200);
    let (stored, recount) = rollups_and_recount(&a.db).await;
    assert_eq!(stored, recount);
}
