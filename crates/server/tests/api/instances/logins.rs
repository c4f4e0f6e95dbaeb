//! Failed logins count across instances with Redis: a lock reached by
//! attempts spread over two instances holds on both, and so does the
//! slowing of a name attacked from many addresses; without Redis each
//! instance counts its own, as it does while Redis does not answer.
use super::{in_redis, redis_url};
use crate::helpers::{spawn_app_with, Options, TestApp, ADMIN_PASSWORD};
use reqwest::{Response, StatusCode};
use serde_json::json;
use std::time::{Duration, Instant};
use xhs_api::ShareSettings;

/// Two instances on one database that read client addresses from
/// `X-Forwarded-For`, sharing `redis` when given; slowing after 5 failures.
async fn two(redis: bool) -> (TestApp, TestApp) {
    let share = ShareSettings {
        login_per_minute: 1000,
        trust_forwarded_for: true,
        ..Default::default()
    };
    let share = if redis {
        in_redis(&redis_url(), share)
    } else {
        share
    };
    let settings: Option<fn(&mut xhs_server::Settings)> = Some(|s| s.auth.slow_after = 5);
    let first = spawn_app_with(Options {
        share: share.clone(),
        settings,
        ..Options::default()
    })
    .await;
    let second = spawn_app_with(Options {
        share,
        settings,
        database_url: Some(first.db_url.clone()),
        xhs_api_base: Some(first.fake.base_url()),
        ..Options::default()
    })
    .await;
    (first, second)
}

async fn login_from(app: &TestApp, from: &str, password: &str) -> Response {
    app.client
        .post(app.url("/api/auth/login"))
        .header("x-forwarded-for", from)
        .json(&json!({"username": "admin", "password": password}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn failures_spread_over_two_instances_sharing_redis_lock_the_name_at_that_address_on_both() {
    let (a, b) = two(true).await;
    for app in [&a, &b, &a, &b, &a, &b, &a, &b, &a, &b] {
        let res = login_from(app, "203.0.113.9", "wrong").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    for app in [&a, &b] {
        let locked = login_from(app, "203.0.113.9", ADMIN_PASSWORD).await;
        assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
        let retry: u64 = locked.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((890..=900).contains(&retry), "locked for {retry} s");
    }
    let owner = login_from(&b, "198.51.100.1", ADMIN_PASSWORD).await;
    assert_eq!(owner.status(), StatusCode::OK, "the owner, from elsewhere");
}

#[tokio::test]
async fn a_name_attacked_from_many_addresses_through_two_instances_is_slowed_on_both() {
    let (a, b) = two(true).await;
    for i in 0..3 {
        for (n, app) in [&a, &b].into_iter().enumerate() {
            let res = login_from(app, &format!("203.0.113.{n}{i}"), "wrong").await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        }
    }
    for app in [&a, &b] {
        let started = Instant::now();
        let owner = login_from(app, "198.51.100.1", ADMIN_PASSWORD).await;
        assert_eq!(owner.status(), StatusCode::OK, "slowed, not locked");
        assert!(
            started.elapsed() >= Duration::from_secs(1),
            "six failures over two instances slow the name on each"
        );
    }
}

#[tokio::test]
async fn without_redis_each_instance_counts_its_own_failures() {
    let (a, b) = two(false).await;
    for app in [&a, &b, &a, &b, &a, &b, &a, &b, &a, &b] {
        login_from(app, "203.0.113.9", "wrong").await;
    }
    let res = login_from(&a, "203.0.113.9", ADMIN_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK, "five failures here: no lock");
}
