//! Robot accounts synced from the provider (a fake on 127.0.0.1 that checks
//! the Merchant-Token and pages its robots).
use crate::helpers::{captured_logs, problem, spawn_app, spawn_app_with, Options, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_fakes::robots::FakeRobots;

const TOKEN: &str = "5b9f0c8e-merchant-token-never-shown";

async fn with_robots(fake: &FakeRobots, token: &str) -> TestApp {
    spawn_app_with(Options {
        robots: Some((fake.base_url(), token.to_owned())),
        ..Options::default()
    })
    .await
}

#[tokio::test]
async fn without_a_provider_the_robot_endpoints_answer_503() {
    let app = spawn_app().await;
    for res in [
        app.get("/api/robots").await,
        app.post_json("/api/robots/sync", &json!({})).await,
    ] {
        let (status, p) = problem(res).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Some("robots_not_configured")
            )
        );
    }
}

#[tokio::test]
async fn a_sync_reads_250_robots_over_three_pages_and_a_second_sync_updates_them() {
    let fake = FakeRobots::start(TOKEN, 250).await;
    let app = with_robots(&fake, TOKEN).await;

    let first: Value = app
        .post_json("/api/robots/sync", &json!({}))
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(first, json!({"synced": 250, "created": 250, "updated": 0}));
    assert_eq!(fake.list_calls(), 3);
    fake.update_robot(7, json!({"onlineStatus": 0}));
    fake.update_robot(8, json!({"captchaStatus": 2}));
    fake.update_robot(9, json!({"enabled": false}));
    let second: Value = app
        .post_json("/api/robots/sync", &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second, json!({"synced": 250, "created": 0, "updated": 250}));

    let page: Value = app.get("/api/robots?limit=100").await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 100);
    assert!(page["last_sync_at"].is_string());
    let next = page["next_cursor"].as_str().unwrap();
    let second_page: Value = app
        .get(&format!("/api/robots?limit=100&cursor={next}"))
        .await
        .json()
        .await
        .unwrap();
    let next = second_page["next_cursor"].as_str().unwrap();
    let last_page: Value = app
        .get(&format!("/api/robots?limit=100&cursor={next}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(last_page["items"].as_array().unwrap().len(), 50);
    assert_eq!(last_page["next_cursor"], Value::Null);
    let blocked: Value = app
        .get("/api/robots?q=机器人00")
        .await
        .json()
        .await
        .unwrap();
    let reasons: Vec<(String, Value)> = blocked["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["nickname"].as_str().unwrap().to_owned(),
                r["blocked_reason"].clone(),
            )
        })
        .filter(|(n, _)| ["机器人007", "机器人008", "机器人009", "机器人006"].contains(&n.as_str()))
        .collect();
    assert!(
        reasons.contains(&("机器人007".into(), json!("offline"))),
        "{reasons:?}"
    );
    assert!(reasons.contains(&("机器人008".into(), json!("captcha"))));
    assert!(reasons.contains(&("机器人009".into(), json!("disabled"))));
    assert!(reasons.contains(&("机器人006".into(), Value::Null)));
    let offline: Value = app
        .get("/api/robots?online=false")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(offline["items"].as_array().unwrap().len(), 1);
    let accounts: Value = app
        .get("/api/accounts?kind=robot")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        accounts.as_array().unwrap().len(),
        250,
        "robots are accounts"
    );
}

#[tokio::test]
async fn a_wrong_merchant_token_is_a_502_that_never_shows_the_token() {
    let fake = FakeRobots::start(TOKEN, 3).await;
    let wrong = "wrong-merchant-token-7d1e";
    let app = with_robots(&fake, wrong).await;

    let (status, p) = problem(app.post_json("/api/robots/sync", &json!({})).await).await;

    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::BAD_GATEWAY, Some("robots_rejected"))
    );
    assert!(!p.to_string().contains(wrong));
    let ok = with_robots(&fake, TOKEN).await;
    ok.post_json("/api/robots/sync", &json!({})).await;
    let logs = captured_logs();
    assert!(
        !logs.contains(wrong) && !logs.contains(TOKEN),
        "no Merchant-Token in any log line"
    );
}

#[tokio::test]
async fn robot_accounts_cannot_be_made_by_hand() {
    let app = spawn_app().await;
    let (status, p) = problem(
        app.post_json(
            "/api/accounts",
            &json!({"name": "假机器人", "kind": "robot"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("kind"))
    );
}
