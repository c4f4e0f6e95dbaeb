//! A quota holds across instances with Redis, and per instance without it.
use super::{in_redis, redis_url, two_instances};
use crate::helpers::{problem, TestApp, ADMIN_PASSWORD};
use crate::share::{event, post_with_link};
use reqwest::{Response, StatusCode};
use serde_json::json;
use xhs_api::ShareSettings;

fn quota(per_client: u32, per_token: u32, login: u32) -> ShareSettings {
    ShareSettings {
        per_client_per_minute: per_client,
        per_token_per_minute: per_token,
        login_per_minute: login,
        ..Default::default()
    }
}

async fn opened(app: &TestApp, token: &str) -> StatusCode {
    event(app, token, json!({"kind": "opened"})).await.status()
}

/// A 429 `rate_limited` whose Retry-After is within the minute.
async fn assert_limited(res: Response) {
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    let (status, p) = problem(res).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );
}

#[tokio::test]
async fn a_link_quota_is_allowed_once_by_two_instances_sharing_redis() {
    let (a, b) = two_instances(in_redis(&redis_url(), quota(1000, 6, 1000))).await;
    let (_, link) = post_with_link(&a, json!({})).await;
    let token = link["token"].as_str().unwrap();
    for i in 0..6 {
        let app = if i % 2 == 0 { &a } else { &b };
        assert_eq!(opened(app, token).await, StatusCode::NO_CONTENT, "call {i}");
    }
    for app in [&a, &b] {
        assert_limited(event(app, token, json!({"kind": "opened"})).await).await;
    }
    let (_, other) = post_with_link(&b, json!({})).await;
    let other = other["token"].as_str().unwrap();
    assert_eq!(
        opened(&a, other).await,
        StatusCode::NO_CONTENT,
        "another link has its own quota"
    );
}

#[tokio::test]
async fn a_client_quota_is_allowed_once_by_two_instances_sharing_redis() {
    let (a, b) = two_instances(in_redis(&redis_url(), quota(4, 1000, 1000))).await;
    let (_, one) = post_with_link(&a, json!({})).await;
    let (_, two) = post_with_link(&a, json!({})).await;
    let tokens = [
        one["token"].as_str().unwrap(),
        two["token"].as_str().unwrap(),
    ];
    for (app, token) in [
        (&a, tokens[0]),
        (&b, tokens[1]),
        (&b, tokens[0]),
        (&a, tokens[1]),
    ] {
        assert_eq!(opened(app, token).await, StatusCode::NO_CONTENT);
    }
    assert_limited(event(&b, tokens[1], json!({"kind": "opened"})).await).await;
}

#[tokio::test]
async fn the_login_quota_is_allowed_once_by_two_instances_sharing_redis() {
    // Each instance's start-up login counts: two of the five.
    let (a, b) = two_instances(in_redis(&redis_url(), quota(1000, 1000, 5))).await;
    for app in [&a, &b, &a] {
        assert_eq!(
            app.login("admin", "wrong").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    for app in [&b, &a] {
        assert_limited(app.login("admin", ADMIN_PASSWORD).await).await;
    }
}

#[tokio::test]
async fn without_redis_each_instance_allows_the_quota_itself() {
    let (a, b) = two_instances(quota(1000, 3, 1000)).await;
    let (_, link) = post_with_link(&a, json!({})).await;
    let token = link["token"].as_str().unwrap();
    for app in [&a, &a, &a, &b, &b, &b] {
        assert_eq!(opened(app, token).await, StatusCode::NO_CONTENT);
    }
    for app in [&a, &b] {
        assert_eq!(opened(app, token).await, StatusCode::TOO_MANY_REQUESTS);
    }
}
