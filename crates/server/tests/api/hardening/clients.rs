//! Behind a proxy the client is the rightmost address no trusted proxy
//! wrote: an address a client prepends to `X-Forwarded-For` or `Forwarded`
//! does not move it to another limit bucket.
use crate::helpers::{spawn_app_with, Options, TestApp};
use reqwest::StatusCode;
use serde_json::json;

async fn spawn_behind_proxy() -> TestApp {
    spawn_app_with(Options {
        share: xhs_api::ShareSettings {
            trust_forwarded_for: true,
            // The test client's peer is 127.0.0.1: the proxy in front.
            trusted_proxies: vec![
                "127.0.0.1/32".parse().unwrap(),
                "10.0.0.0/8".parse().unwrap(),
            ],
            login_per_minute: 2,
            ..Default::default()
        },
        ..Options::default()
    })
    .await
}

async fn login_from(app: &TestApp, header: &str, value: &str) -> StatusCode {
    app.client
        .post(app.url("/api/auth/login"))
        .header(header, value)
        .json(&json!({"username": "admin", "password": "wrong"}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_spoofed_leftmost_forwarded_for_does_not_change_the_bucket() {
    let app = spawn_behind_proxy().await;
    let mut statuses = Vec::new();
    for spoof in ["1.1.1.1", "2.2.2.2", "3.3.3.3"] {
        let chain = format!("{spoof}, 203.0.113.9, 10.0.0.7");
        statuses.push(login_from(&app, "x-forwarded-for", &chain).await);
    }
    use StatusCode as S;
    assert_eq!(
        statuses,
        [S::UNAUTHORIZED, S::UNAUTHORIZED, S::TOO_MANY_REQUESTS]
    );
    let other = login_from(&app, "x-forwarded-for", "203.0.113.10").await;
    assert_eq!(other, S::UNAUTHORIZED, "another client has its own bucket");
}

#[tokio::test]
async fn spoofing_the_forwarded_header_does_not_change_the_bucket_either() {
    let app = spawn_behind_proxy().await;
    let statuses = [
        login_from(&app, "forwarded", "for=1.1.1.1, for=203.0.113.9").await,
        login_from(
            &app,
            "forwarded",
            "for=\"[2001:db8::5]\", for=203.0.113.9;proto=https",
        )
        .await,
        login_from(&app, "forwarded", "for=2.2.2.2, for=203.0.113.9").await,
    ];
    use StatusCode as S;
    assert_eq!(
        statuses,
        [S::UNAUTHORIZED, S::UNAUTHORIZED, S::TOO_MANY_REQUESTS]
    );
}
