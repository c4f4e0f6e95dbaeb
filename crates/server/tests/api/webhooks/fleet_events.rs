//! The fleet's own events: a task the provider never calls back and a robot
//! the provider reports blocked each reach every subscribed endpoint once,
//! and no other endpoint.
use super::receiver::{Received, Receiver};
use super::{deliveries, endpoint, until};
use crate::helpers::TestApp;
use serde_json::{json, Value};
use xhs_fakes::robots::Outcome;

fn timing_out(s: &mut xhs_server::Settings) {
    crate::fleet::fast_with_timeout(s);
    super::fast(s);
}

fn fleet_and_webhooks(s: &mut xhs_server::Settings) {
    crate::fleet::fast(s);
    super::fast(s);
}

/// Waits until every delivery of `ids` succeeded and `receivers` got one
/// request each; answers the received bodies, checking each endpoint's list
/// holds exactly one delivery of `event`.
async fn once_each(app: &TestApp, ids: &[i64], receivers: &[&Receiver], event: &str) -> Vec<Value> {
    for r in receivers {
        until(
            30,
            || async { r.received() },
            |got: &Vec<Received>| !got.is_empty(),
        )
        .await;
    }
    for id in ids {
        let d = until(
            20,
            || deliveries(app, *id),
            |d: &Vec<Value>| !d.is_empty() && d.iter().all(|d| d["status"] == "succeeded"),
        )
        .await;
        let of_event: Vec<&Value> = d.iter().filter(|d| d["event"] == event).collect();
        assert_eq!(of_event.len(), 1, "endpoint {id}: {d:?}");
        assert_eq!(of_event[0]["attempts"], 1);
    }
    receivers
        .iter()
        .map(|r| {
            let got = r.received();
            let of_event: Vec<Value> = got
                .iter()
                .map(|g| serde_json::from_str::<Value>(&g.body).unwrap())
                .filter(|b| b["type"] == event)
                .collect();
            assert_eq!(of_event.len(), 1, "{got:?}");
            of_event[0].clone()
        })
        .collect()
}

#[tokio::test]
async fn a_task_that_times_out_reaches_each_subscriber_of_task_timed_out_once() {
    let (fake, app) = crate::fleet::fleet(1, timing_out).await;
    fake.set_outcome(0, Outcome::Silent);
    let (a, b, other) = (
        Receiver::start(&[]).await,
        Receiver::start(&[]).await,
        Receiver::start(&[]).await,
    );
    let (a_id, _) = endpoint(&app, &a.url, &["task.timed_out"]).await;
    let (b_id, _) = endpoint(&app, &b.url, &["task.failed", "task.timed_out"]).await;
    let (other_id, _) = endpoint(&app, &other.url, &["task.succeeded", "robot.blocked"]).await;
    let robots = crate::fleet::robot_ids(&app).await;
    let (post, tasks) = crate::fleet::dispatch(&app, &robots).await;
    let task = tasks[0]["id"].as_i64().unwrap();

    let bodies = once_each(&app, &[a_id, b_id], &[&a, &b], "task.timed_out").await;
    for body in bodies {
        assert_eq!(body["data"]["task_id"], task);
        assert_eq!(body["data"]["post_id"], post);
        assert_eq!(body["data"]["status"], "timed_out");
    }
    assert!(other.received().is_empty());
    assert!(deliveries(&app, other_id).await.is_empty());
}

#[tokio::test]
async fn a_robot_reported_blocked_reaches_each_subscriber_of_robot_blocked_once() {
    let (fake, app) = crate::fleet::fleet(1, fleet_and_webhooks).await;
    let (a, b, other) = (
        Receiver::start(&[]).await,
        Receiver::start(&[]).await,
        Receiver::start(&[]).await,
    );
    let (a_id, _) = endpoint(&app, &a.url, &["robot.blocked"]).await;
    let (b_id, _) = endpoint(&app, &b.url, &["robot.blocked", "robot.unblocked"]).await;
    let (other_id, _) = endpoint(&app, &other.url, &["robot.unblocked", "task.failed"]).await;
    let robot = crate::fleet::robot_ids(&app).await[0];

    fake.update_robot(0, json!({"enabled": false}));
    let pushed = fake
        .push_event(
            &app.url("/api/robots/events"),
            0,
            "robotForbiddenStatusChange",
        )
        .await;
    assert!(pushed.is_success(), "{pushed}");

    let bodies = once_each(&app, &[a_id, b_id], &[&a, &b], "robot.blocked").await;
    for body in bodies {
        assert_eq!(body["data"]["robot_id"], robot);
        assert_eq!(body["data"]["block"], "disabled");
    }
    assert!(other.received().is_empty());
    assert!(deliveries(&app, other_id).await.is_empty());
}
