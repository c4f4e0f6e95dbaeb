//! Endpoints: admin only, https on public addresses, the secret shown once.
use super::{app, endpoint};
use crate::helpers::{captured_logs, problem, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_secret_is_answered_on_create_and_rotate_only_never_listed_audited_or_logged() {
    let app = app().await;
    let (id, secret) = endpoint(&app, "http://127.0.0.1:9/hook", &["publish.confirmed"]).await;
    assert!(secret.starts_with("whsec_"), "{secret}");

    let rotated = app
        .post_json(&format!("/api/webhooks/{id}/rotate-secret"), &json!({}))
        .await;
    assert_eq!(rotated.status(), StatusCode::OK);
    let rotated: Value = rotated.json().await.unwrap();
    let second = rotated["secret"].as_str().unwrap().to_owned();
    assert!(second.starts_with("whsec_") && second != secret);
    assert!(rotated["webhook"]["previous_secret_until"].is_string());

    let list = app.get("/api/webhooks").await.text().await.unwrap();
    let one = app
        .get(&format!("/api/webhooks/{id}"))
        .await
        .text()
        .await
        .unwrap();
    let audit = app.get("/api/audit?limit=100").await.text().await.unwrap();
    assert!(audit.contains("rotate_secret"), "{audit}");
    for (what, text) in [
        ("list", &list),
        ("get", &one),
        ("audit", &audit),
        ("logs", &captured_logs()),
    ] {
        for s in [&secret, &second] {
            let key = s.trim_start_matches("whsec_");
            assert!(!text.contains(key), "a secret is in the {what}");
        }
    }
    let listed: Vec<Value> = serde_json::from_str(&list).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["events"], json!(["publish.confirmed"]));
    assert!(listed[0].get("secret").is_none());
}

#[tokio::test]
async fn private_addresses_and_plain_http_are_refused_without_the_setting() {
    let app = spawn_app().await;
    for (url, rule) in [
        ("http://hooks.example.com/x", "https"),
        ("https://127.0.0.1/x", "reachable_from_phone"),
        ("https://10.0.0.8/x", "reachable_from_phone"),
        ("https://[::1]/x", "reachable_from_phone"),
        ("https://localhost/x", "reachable_from_phone"),
        ("not a url", "absolute_http_url"),
    ] {
        let res = app
            .post_json(
                "/api/webhooks",
                &json!({"url": url, "events": ["task.failed"]}),
            )
            .await;
        let (status, p) = problem(res).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        assert_eq!(p["errors"][0]["field"], "url", "{url}");
        assert_eq!(p["errors"][0]["rule"], rule, "{url}");
    }
    let ok = app
        .post_json(
            "/api/webhooks",
            &json!({"url": "https://hooks.example.com/x", "events": ["task.failed", "link.opened"]}),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn events_must_be_known_subscribable_and_at_least_one() {
    let app = app().await;
    for (events, field) in [
        (json!([]), "events"),
        (json!(["publish.done"]), "events[0]"),
        (json!(["task.failed", "webhook.test"]), "events[1]"),
    ] {
        let res = app
            .post_json(
                "/api/webhooks",
                &json!({"url": "http://127.0.0.1:9/h", "events": events}),
            )
            .await;
        let (status, p) = problem(res).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(p["errors"][0]["field"], field);
    }
}

#[tokio::test]
async fn an_endpoint_is_edited_disabled_enabled_and_deleted() {
    let app = app().await;
    let (id, _) = endpoint(&app, "http://127.0.0.1:9/a", &["task.failed"]).await;
    let res = app
        .put_json(
            &format!("/api/webhooks/{id}"),
            &json!({"url": "http://127.0.0.1:9/b", "events": ["task.succeeded", "task.failed"],
                    "description": "CRM", "enabled": false}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let w: Value = res.json().await.unwrap();
    assert_eq!(w["enabled"], false);
    assert_eq!(w["url"], "http://127.0.0.1:9/b");
    assert_eq!(w["description"], "CRM");
    assert!(w["disabled_at"].is_string());
    assert_eq!(
        app.delete(&format!("/api/webhooks/{id}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let (status, p) = problem(app.get(&format!("/api/webhooks/{id}")).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(p["resource"], "webhook");
}
