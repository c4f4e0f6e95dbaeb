//! Sends within the provider's limits, alone and from two dispatchers.
use super::{dispatch, fast, fleet, robot_ids, status, tasks, until, TOKEN};
use crate::helpers::{spawn_app_with, valid_post, Options};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;
use xhs_fakes::robots::{FakeLimits, FakeRobots};

#[tokio::test]
async fn twenty_robots_each_publish_once_and_report_their_note_links() {
    let (fake, app) = fleet(20, fast).await;
    let ids = robot_ids(&app).await;

    let (post, created) = dispatch(&app, &ids).await;

    assert_eq!(created.len(), 20);
    assert!(created.iter().all(|t| status(t) == "queued"));
    let done = until(&app, post, 90, |t| status(t) == "succeeded").await;
    assert!(done.iter().all(|t| t["note_url"]
        .as_str()
        .unwrap()
        .starts_with("https://www.xiaohongshu.com/explore/")));
    assert_eq!(fake.calls().len(), 20, "one call per task");
    assert_eq!(fake.over_limit(), 0, "not one call over a limit");
    let records: Value = app
        .get(&format!("/api/records?post_id={post}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        records
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "published"),
        "{records}"
    );
}

#[tokio::test]
async fn thirty_tasks_on_one_robot_keep_the_interval_and_the_daily_count() {
    let (fake, app) = fleet(1, fast).await;
    let robot = robot_ids(&app).await[0];
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    for _ in 0..30 {
        let res = app
            .post_json(
                &format!("/api/posts/{post}/dispatch"),
                &json!({"robot_ids": [robot]}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }

    let all = until(&app, post, 120, |t| {
        matches!(status(t), "succeeded" | "waiting")
            && (status(t) == "succeeded" || t["reason"].as_str().is_some_and(|r| r.contains("day")))
    })
    .await;

    let succeeded = all.iter().filter(|t| status(t) == "succeeded").count();
    assert_eq!(succeeded, 10, "ten a day");
    assert_eq!(fake.over_limit(), 0, "the provider never had to refuse");
    let calls = fake.calls();
    assert_eq!(calls.len(), 10);
    for pair in calls.windows(2) {
        assert!(
            pair[1].at.duration_since(pair[0].at) >= Duration::from_millis(950),
            "spaced by the interval"
        );
    }
}

#[tokio::test]
async fn the_guides_one_minute_interval_makes_the_second_task_wait() {
    let fake = FakeRobots::start(TOKEN, 1).await;
    let app = spawn_app_with(Options {
        robots: Some((fake.base_url(), TOKEN.into())),
        settings: Some(|s| s.robots.dispatch_tick_ms = 100),
        ..Options::default()
    })
    .await;
    app.post_json("/api/robots/sync", &json!({})).await;
    let robot = robot_ids(&app).await[0];

    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    for _ in 0..2 {
        app.post_json(
            &format!("/api/posts/{post}/dispatch"),
            &json!({"robot_ids": [robot]}),
        )
        .await;
    }
    let t = until(&app, post, 30, |t| {
        matches!(status(t), "accepted" | "succeeded" | "waiting")
    })
    .await;

    let waiting = t
        .iter()
        .find(|t| status(t) == "waiting")
        .expect("one waits");
    let sent = t.iter().find(|t| status(t) != "waiting").unwrap();
    let sent_at = chrono::DateTime::parse_from_rfc3339(sent["sent_at"].as_str().unwrap()).unwrap();
    let until_at =
        chrono::DateTime::parse_from_rfc3339(waiting["wait_until"].as_str().unwrap()).unwrap();
    let gap = (until_at - sent_at).num_milliseconds();
    assert!(
        (59_000..=61_000).contains(&gap),
        "waits a minute after the first: {gap} ms"
    );
    assert_eq!((fake.calls().len(), fake.over_limit()), (1, 0));
}

#[tokio::test]
async fn a_9400_answer_puts_the_task_back_to_wait_never_fails_it() {
    let (fake, app) = fleet(1, fast).await;
    // The provider is stricter than the configuration: it refuses with 9400.
    fake.set_limits(FakeLimits::default());
    let robot = robot_ids(&app).await[0];
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    for _ in 0..2 {
        app.post_json(
            &format!("/api/posts/{post}/dispatch"),
            &json!({"robot_ids": [robot]}),
        )
        .await;
    }
    // Waits for the provider's refusal to be recorded, however slow the step.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let t = loop {
        let t = tasks(&app, post).await;
        if t.iter().any(|t| {
            status(t) == "waiting" && t["reason"].as_str().is_some_and(|r| r.contains("流量超限"))
        }) {
            break t;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no 9400 recorded: {t:#?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let waiting = t
        .iter()
        .find(|t| status(t) == "waiting")
        .expect("one waits");
    assert!(
        waiting["reason"].as_str().unwrap().contains("流量超限"),
        "{waiting}"
    );
    assert!(t.iter().all(|t| status(t) != "failed"));
    assert!(fake.over_limit() >= 1);
}

#[tokio::test]
async fn two_dispatchers_on_one_database_never_exceed_a_limit_together() {
    let (fake, first) = fleet(5, fast).await;
    let second = spawn_app_with(Options {
        robots: Some((fake.base_url(), TOKEN.into())),
        settings: Some(fast),
        database_url: Some(first.db_url.clone()),
        ..Options::default()
    })
    .await;
    let ids = robot_ids(&first).await;
    let post = first.create_post(&valid_post()).await["id"]
        .as_i64()
        .unwrap();
    for _ in 0..4 {
        let res = second
            .post_json(
                &format!("/api/posts/{post}/dispatch"),
                &json!({"robot_ids": ids}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }

    until(&first, post, 90, |t| status(t) == "succeeded").await;

    let calls = fake.calls();
    assert_eq!(calls.len(), 20, "each task sent once");
    let mut requests: Vec<&str> = calls.iter().map(|c| c.request_id.as_str()).collect();
    requests.sort_unstable();
    requests.dedup();
    assert_eq!(requests.len(), 20, "no request sent twice");
    assert_eq!(fake.over_limit(), 0, "together they kept every limit");
}
