//! Retries on the configured schedule, leases that survive a crash, two
//! instances that send each delivery once, and the address re-checked at
//! each delivery.
use super::receiver::Receiver;
use super::{app, deliveries, endpoint, fast, until};
use crate::helpers::{spawn_app_with, Options};
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{EntityTrait, QueryFilter};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::{Duration, Instant};
use xhs_persistence::entities::webhook_delivery;
use xhs_server::Settings;

async fn send_test(app: &crate::helpers::TestApp, id: i64) -> i64 {
    let res = app
        .post_json(&format!("/api/webhooks/{id}/test"), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn a_receiver_failing_twice_then_answering_gets_three_attempts_and_one_success() {
    let app = app().await;
    let r = Receiver::start(&[500, 503]).await;
    let (id, _) = endpoint(&app, &r.url, &["task.failed"]).await;
    send_test(&app, id).await;
    let done = until(
        20,
        || deliveries(&app, id),
        |d: &Vec<Value>| d[0]["status"] != "pending",
    )
    .await;
    assert_eq!(done.len(), 1);
    assert_eq!(done[0]["status"], "succeeded");
    assert_eq!(done[0]["attempts"], 3);
    let got = r.received();
    assert_eq!(got.len(), 3);
    assert!(
        got.iter().all(|g| g.id == got[0].id),
        "one webhook-id across retries"
    );
    for pair in got.windows(2) {
        // The schedule in these tests: 0.2 s between attempts.
        assert!(pair[1].at - pair[0].at >= Duration::from_millis(190));
    }
    let w: serde_json::Value = app
        .get(&format!("/api/webhooks/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        w["failing_since"].is_null(),
        "a success ends the failing streak"
    );
}

#[tokio::test]
async fn a_receiver_that_keeps_failing_ends_failed_and_can_be_redelivered() {
    let app = app().await;
    let r = Receiver::start(&[500, 500, 500]).await;
    let (id, _) = endpoint(&app, &r.url, &["task.failed"]).await;
    let delivery = send_test(&app, id).await;
    let done = until(
        20,
        || deliveries(&app, id),
        |d: &Vec<Value>| d[0]["status"] != "pending",
    )
    .await;
    assert_eq!(done[0]["status"], "failed");
    assert_eq!(done[0]["attempts"], 3);
    assert_eq!(done[0]["last_status_code"], 500);
    let w: serde_json::Value = app
        .get(&format!("/api/webhooks/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(w["failing_since"].is_string());

    let res = app
        .post_json(
            &format!("/api/webhooks/{id}/deliveries/{delivery}/redeliver"),
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let again = until(
        20,
        || deliveries(&app, id),
        |d: &Vec<Value>| d[0]["status"] == "succeeded",
    )
    .await;
    assert_eq!(again[0]["attempts"], 1);
    assert_eq!(r.received().len(), 4);
}

/// No worker step within a test's time.
fn no_worker(s: &mut Settings) {
    fast(s);
    s.webhooks.tick_ms = 3_600_000;
}

#[tokio::test]
async fn a_delivery_held_by_a_worker_that_died_is_sent_after_its_lease_runs_out() {
    let first = spawn_app_with(Options {
        settings: Some(no_worker),
        ..Options::default()
    })
    .await;
    let r = Receiver::start(&[]).await;
    let (id, _) = endpoint(&first, &r.url, &["task.failed"]).await;
    let delivery = send_test(&first, id).await;
    // A worker claimed it and died mid-send: its lease stands for 1.5 s.
    let lease_until = chrono::Utc::now() + chrono::Duration::milliseconds(1500);
    webhook_delivery::Entity::update_many()
        .col_expr(
            webhook_delivery::Column::LeaseOwner,
            Expr::value("webhooks-dead"),
        )
        .col_expr(
            webhook_delivery::Column::LeaseUntil,
            Expr::value(lease_until.naive_utc()),
        )
        .filter(sea_orm::ColumnTrait::eq(
            &webhook_delivery::Column::Id,
            delivery,
        ))
        .exec(&first.db)
        .await
        .unwrap();
    let expires = Instant::now() + Duration::from_millis(1400);
    // The service restarts (another instance on the same database).
    let second = spawn_app_with(Options {
        settings: Some(fast),
        database_url: Some(first.db_url.clone()),
        ..Options::default()
    })
    .await;
    let done = until(
        20,
        || deliveries(&second, id),
        |d: &Vec<Value>| d[0]["status"] == "succeeded",
    )
    .await;
    let got = r.received();
    assert_eq!(got.len(), 1);
    assert!(got[0].at >= expires, "sent while the lease still stood");
    assert_eq!(done[0]["attempts"], 1);
}

#[tokio::test]
async fn two_instances_send_each_delivery_once() {
    let first = app().await;
    let second = spawn_app_with(Options {
        settings: Some(fast),
        database_url: Some(first.db_url.clone()),
        ..Options::default()
    })
    .await;
    let r = Receiver::start(&[]).await;
    let (id, _) = endpoint(&first, &r.url, &["task.failed"]).await;
    const N: usize = 24;
    for i in 0..N {
        send_test(if i % 2 == 0 { &first } else { &second }, id).await;
    }
    until(
        30,
        || deliveries(&first, id),
        |d: &Vec<Value>| d.len() == N && d.iter().all(|d| d["status"] == "succeeded"),
    )
    .await;
    let got = r.received();
    let ids: HashSet<&str> = got.iter().map(|g| g.id.as_str()).collect();
    assert_eq!((ids.len(), got.len()), (N, N), "each delivery sent once");
}

/// The server that delivers does not allow private addresses.
fn strict(s: &mut Settings) {
    fast(s);
    s.webhooks.allow_private = false;
}

#[tokio::test]
async fn the_address_is_checked_again_at_each_delivery() {
    let lax = spawn_app_with(Options {
        settings: Some(no_worker),
        ..Options::default()
    })
    .await;
    let r = Receiver::start(&[]).await;
    let (id, _) = endpoint(&lax, &r.url, &["task.failed"]).await;
    let strict = spawn_app_with(Options {
        settings: Some(strict),
        database_url: Some(lax.db_url.clone()),
        ..Options::default()
    })
    .await;
    send_test(&lax, id).await;
    let d = until(
        20,
        || deliveries(&strict, id),
        |d: &Vec<Value>| d[0]["attempts"] != 0,
    )
    .await;
    assert!(
        d[0]["last_error"].as_str().unwrap().starts_with("refused"),
        "{}",
        d[0]
    );
    assert!(d[0]["last_status_code"].is_null());
    assert!(r.received().is_empty());
}

#[tokio::test]
async fn an_endpoint_failing_everything_for_five_days_is_disabled_and_says_why() {
    let app = app().await;
    let r = Receiver::start(&[500, 500, 500, 500]).await;
    let (id, _) = endpoint(&app, &r.url, &["task.failed"]).await;
    // Its failures began six days ago.
    let since = (chrono::Utc::now() - chrono::Duration::days(6)).naive_utc();
    xhs_persistence::entities::webhook::Entity::update_many()
        .col_expr(
            xhs_persistence::entities::webhook::Column::FailingSince,
            Expr::value(Some(since)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    send_test(&app, id).await;
    let w = until(
        20,
        || async {
            app.get(&format!("/api/webhooks/{id}"))
                .await
                .json::<Value>()
                .await
                .unwrap()
        },
        |w: &Value| w["enabled"] == false,
    )
    .await;
    let reason = w["disabled_reason"].as_str().unwrap();
    assert!(reason.contains("5 days"), "{reason}");
    assert!(w["disabled_at"].is_string());
}
