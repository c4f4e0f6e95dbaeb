//! Results, refusals and the states a task can end in.
use super::fast_with_timeout;
use super::{dispatch, fast, fleet, robot_ids, status, tasks, until, TOKEN};
use crate::helpers::{problem, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;
use xhs_fakes::robots::Outcome;

#[tokio::test]
async fn a_dispatch_names_what_is_wrong() {
    let (_fake, app) = fleet(2, fast).await;
    let ids = robot_ids(&app).await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    for (body, field) in [
        (json!({"robot_ids": []}), "robot_ids"),
        (json!({"robot_ids": [ids[0], 424242]}), "robot_ids[1]"),
        (json!({"robot_ids": [ids[0], ids[0]]}), "robot_ids[1]"),
        (
            json!({"robot_ids": [ids[0]], "spread_minutes": 5000}),
            "spread_minutes",
        ),
    ] {
        let (status, p) = problem(
            app.post_json(&format!("/api/posts/{post}/dispatch"), &body)
                .await,
        )
        .await;
        assert_eq!(
            (status, p["errors"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{body}"
        );
    }
    let res = app
        .post_json(
            &format!("/api/posts/{post}/dispatch"),
            &json!({"robot_ids": ids, "spread_minutes": 10}),
        )
        .await;
    let tasks: Value = res.json().await.unwrap();
    let due: Vec<&str> = tasks["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["not_before"].as_str().unwrap())
        .collect();
    let gap = chrono::DateTime::parse_from_rfc3339(due[1]).unwrap()
        - chrono::DateTime::parse_from_rfc3339(due[0]).unwrap();
    // Two slots of five minutes, each moved by up to half a slot.
    assert!(gap.num_seconds() >= 150, "spread over ten minutes: {gap}");
    assert_eq!(tasks["tasks"][1]["status"], "queued", "waits for its time");
}

#[tokio::test]
async fn duplicate_callbacks_change_nothing_and_strangers_are_refused() {
    let (fake, app) = fleet(1, fast).await;
    fake.set_outcome(0, Outcome::SucceedTwice);
    let (post, _) = dispatch(&app, &robot_ids(&app).await).await;
    let done = until(&app, post, 30, |t| status(t) == "succeeded").await;
    let task_id = done[0]["provider_task_id"].as_str().unwrap().to_owned();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let again = tasks(&app, post).await;
    assert_eq!(
        again[0]["updated_at"], done[0]["updated_at"],
        "the second delivery changed nothing"
    );

    let late = json!({"taskId": task_id, "code": 500, "msg": "late failure"});
    let res = app
        .client
        .post(app.url("/api/robots/callback"))
        .header("Merchant-Token", TOKEN)
        .json(&late)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        tasks(&app, post).await[0]["status"],
        "succeeded",
        "a final task stays final"
    );
    let wrong = app
        .client
        .post(app.url("/api/robots/callback"))
        .header("Merchant-Token", "guess")
        .json(&late)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let none = app
        .client
        .post(app.url("/api/robots/callback"))
        .json(&late)
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), StatusCode::UNAUTHORIZED);
    let unknown = json!({"taskId": "task-999999", "code": 0});
    let res = app
        .client
        .post(app.url("/api/robots/callback"))
        .header("Merchant-Token", TOKEN)
        .json(&unknown)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_failure_carries_the_providers_reason_and_can_be_retried() {
    let (fake, app) = fleet(1, fast).await;
    fake.set_outcome(0, Outcome::Fail(5001, "账号异常，请稍后再试".into()));
    let (post, _) = dispatch(&app, &robot_ids(&app).await).await;
    let failed = until(&app, post, 30, |t| status(t) == "failed").await;
    assert_eq!(failed[0]["reason"], "账号异常，请稍后再试");
    let records: Value = app
        .get(&format!("/api/records?post_id={post}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            records[0]["status"].as_str(),
            records[0]["failure_reason"].as_str()
        ),
        (Some("failed"), Some("账号异常，请稍后再试"))
    );

    fake.set_outcome(0, Outcome::Succeed);
    let id = failed[0]["id"].as_i64().unwrap();
    let retried: Value = app
        .post_json(&format!("/api/tasks/{id}/retry"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    // Back in the queue; a dispatcher step may already hold it back for the
    // robot's interval by the time the answer is read.
    assert!(
        ["queued", "waiting"].contains(&retried["status"].as_str().unwrap()),
        "{retried}"
    );
    until(&app, post, 30, |t| status(t) == "succeeded").await;
    let calls = fake.calls();
    assert_eq!(calls.len(), 2);
    assert_ne!(
        calls[0].request_id, calls[1].request_id,
        "a resend is a new request"
    );
    let (code, p) = problem(
        app.post_json(&format!("/api/tasks/{id}/cancel"), &json!({}))
            .await,
    )
    .await;
    assert_eq!(
        (code, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("task_state"))
    );
}

#[tokio::test]
async fn a_task_never_called_back_times_out_and_is_not_retried_silently() {
    let (fake, app) = fleet(1, fast_with_timeout).await;
    fake.set_outcome(0, Outcome::Silent);
    let (post, _) = dispatch(&app, &robot_ids(&app).await).await;
    let t = until(&app, post, 30, |t| status(t) == "timed_out").await;
    assert!(t[0]["reason"].as_str().unwrap().contains("called back"));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(fake.calls().len(), 1, "never sent again on its own");
}

#[tokio::test]
async fn a_forbidden_robots_tasks_pause_and_resume_when_it_is_back() {
    let (fake, app) = fleet(1, fast).await;
    fake.update_robot(0, json!({"enabled": false}));
    let events = app.url("/api/robots/events");
    assert_eq!(
        fake.push_event(&events, 0, "robotForbiddenStatusChange")
            .await,
        StatusCode::NO_CONTENT
    );
    let robots: Value = app.get("/api/robots").await.json().await.unwrap();
    assert_eq!(robots["items"][0]["blocked_reason"], "disabled");

    let (post, _) = dispatch(&app, &robot_ids(&app).await).await;
    let paused = until(&app, post, 30, |t| status(t) == "paused").await;
    assert_eq!(paused[0]["reason"], "disabled");
    assert!(fake.calls().is_empty(), "no call to a forbidden robot");

    fake.update_robot(0, json!({"enabled": true}));
    fake.push_event(&events, 0, "robotForbiddenStatusChange")
        .await;
    until(&app, post, 30, |t| status(t) == "succeeded").await;
    assert_eq!(fake.calls().len(), 1);
}

#[tokio::test]
async fn a_send_interrupted_before_its_answer_becomes_unknown_not_a_second_call() {
    use xhs_persistence::ConnectionTrait;
    let (fake, app) = fleet(1, fast).await;
    let robot = robot_ids(&app).await[0];
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    // What a dispatcher killed mid-call leaves: `sending`, its lease run out.
    let past = (chrono::Utc::now() - chrono::Duration::seconds(5))
        .naive_utc()
        .format("%Y-%m-%d %H:%M:%S");
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO robot_task (post_id, robot_id, function, status, request_id, not_before, sent_at, lease_owner, lease_until, created_at, updated_at) \
             VALUES ({post}, {robot}, 'publish', 'sending', 'req-crashed', '{past}', '{past}', 'dead-dispatcher', '{past}', '{past}', '{past}')"
        ))
        .await
        .unwrap();

    let t = until(&app, post, 30, |t| status(t) == "unknown").await;

    assert!(t[0]["reason"].as_str().unwrap().contains("resend"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(fake.calls().is_empty(), "not sent again on its own");
    let id = t[0]["id"].as_i64().unwrap();
    let cancelled: Value = app
        .post_json(&format!("/api/tasks/{id}/cancel"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled");
}
