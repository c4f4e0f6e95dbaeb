//! A Redis that is down or silent never turns a request into a 500: the
//! instance counts alone and warns, without the URL's password.
use super::in_redis;
use crate::helpers::{captured_logs, spawn_app_with, Options, TestApp};
use crate::share::{event, post_with_link};
use reqwest::StatusCode;
use serde_json::json;
use std::time::{Duration, Instant};
use xhs_api::ShareSettings;

const PASSWORD: &str = "redis-pw-never-logged";

async fn app_with_redis_at(url: &str) -> TestApp {
    let share = ShareSettings {
        per_token_per_minute: 3,
        ..Default::default()
    };
    let mut share = in_redis(url, share);
    if let Some(r) = share.redis.as_mut() {
        r.timeout = Duration::from_millis(300);
    }
    spawn_app_with(Options {
        share,
        ..Options::default()
    })
    .await
}

/// Serves, limits in-process, and stays ready (readiness is the database's).
async fn assert_served_and_limited_alone(app: &TestApp) {
    let (_, link) = post_with_link(app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    let publish = app
        .client
        .get(app.url(&format!("/api/share/{token}/publish")))
        .send()
        .await
        .unwrap();
    assert_eq!(publish.status(), StatusCode::OK);
    for _ in 0..2 {
        let res = event(app, token, json!({"kind": "opened"})).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    }
    let res = event(app, token, json!({"kind": "opened"})).await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the process still limits"
    );
    assert!(res.headers().contains_key("retry-after"));
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
}

#[tokio::test]
async fn with_redis_on_a_closed_port_requests_are_served_and_limited_per_process() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    // spawn_app_with logs in: that already went through the fallback.
    let app = app_with_redis_at(&format!("redis://:{PASSWORD}@127.0.0.1:{port}/0")).await;
    assert_served_and_limited_alone(&app).await;
    let logs = captured_logs();
    assert!(logs.contains("Redis did not answer"), "a warning says so");
    assert!(
        !logs.contains(PASSWORD),
        "no log line carries Redis' password"
    );
}

#[tokio::test]
async fn with_a_redis_that_never_answers_requests_wait_at_most_the_timeout() {
    // Accepts connections and says nothing.
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = silent.local_addr().unwrap().port();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            held.push(socket);
        }
    });
    let app = app_with_redis_at(&format!("redis://127.0.0.1:{port}")).await;
    let started = Instant::now();
    assert_served_and_limited_alone(&app).await;
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}
