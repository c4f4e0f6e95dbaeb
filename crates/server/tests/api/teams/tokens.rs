//! API tokens: shown once, used as a Bearer token like a session, listed
//! with when they were last used and never with their secret; a deleted or
//! expired token, or one whose owner is disabled, is refused at once.
use super::{add_user, api_token, login_as};
use crate::helpers::{captured_logs, problem, spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn a_token_works_as_a_bearer_is_listed_without_its_secret_and_dies_when_deleted() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/tokens",
            &json!({"name": "crm-sync", "role": "operator"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let created: Value = res.json().await.unwrap();
    let secret = created["secret"].as_str().unwrap().to_owned();
    let id = created["token"]["id"].as_i64().unwrap();
    assert!(secret.starts_with("xhp_") && secret.len() >= 40, "{secret}");
    assert_eq!(created["token"]["created_by"], "admin");
    assert_eq!(created["token"]["last_used_at"], Value::Null);
    let caller = super::Caller {
        app: &app,
        token: secret.clone(),
    };

    let res = caller.post_json("/api/posts", &valid_post()).await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "an operator token writes notes"
    );
    let me: Value = caller.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(
        (me["username"].as_str(), me["role"].as_str()),
        (Some("token:crm-sync"), Some("operator"))
    );

    let res = app.get("/api/tokens").await;
    let text = res.text().await.unwrap();
    assert!(!text.contains(&secret), "the secret is nowhere in the list");
    assert!(!text.contains(&secret[4..]), "nor its random part");
    let list: Value = serde_json::from_str(&text).unwrap();
    let listed = &list["items"][0];
    assert_eq!(listed["id"], id);
    let first_use = listed["last_used_at"]
        .as_str()
        .expect("last_used_at set")
        .to_owned();
    // Used again within the minute: not written again.
    caller.get("/api/posts").await;
    let list: Value = app.get("/api/tokens").await.json().await.unwrap();
    assert_eq!(list["items"][0]["last_used_at"], first_use.as_str());
    assert!(
        !captured_logs().contains(&secret),
        "the secret never reaches the log"
    );

    let res = app.delete(&format!("/api/tokens/{id}")).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let (status, p) = problem(caller.get("/api/posts").await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );
    let list: Value = app.get("/api/tokens").await.json().await.unwrap();
    assert!(
        list["items"][0]["revoked_at"].is_string(),
        "kept, marked revoked"
    );
    let (status, _) = problem(app.delete("/api/tokens/424242").await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let app = spawn_app().await;
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let res = app
        .post_json(
            "/api/tokens",
            &json!({"name": "brief", "role": "viewer", "expires_at": soon}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let secret = res.json::<Value>().await.unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let caller = super::Caller {
        app: &app,
        token: secret,
    };
    assert_eq!(caller.get("/api/posts").await.status(), StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(3200)).await;
    assert_eq!(
        caller.get("/api/posts").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_token_of_a_disabled_or_demoted_owner_is_refused_or_capped() {
    let app = spawn_app().await;
    let owner = add_user(&app, "ida", "admin").await;
    let ida = login_as(&app, "ida").await;
    let res = ida
        .post_json("/api/tokens", &json!({"name": "ops", "role": "admin"}))
        .await;
    let secret = res.json::<Value>().await.unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = super::Caller {
        app: &app,
        token: secret,
    };
    assert_eq!(token.get("/api/users").await.status(), StatusCode::OK);

    app.put_json(&format!("/api/users/{owner}"), &json!({"role": "viewer"}))
        .await;
    let (status, p) = problem(token.get("/api/users").await).await;
    assert_eq!(
        (status, p["required_role"].as_str()),
        (StatusCode::FORBIDDEN, Some("admin")),
        "capped by its owner's role"
    );

    app.put_json(&format!("/api/users/{owner}"), &json!({"disabled": true}))
        .await;
    assert_eq!(
        token.get("/api/posts").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn bad_token_input_is_a_422_naming_each_field() {
    let app = spawn_app().await;
    let past = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let cases = [
        (json!({"name": "", "role": "viewer"}), "name"),
        (json!({"name": "x".repeat(65), "role": "viewer"}), "name"),
        (json!({"name": "n", "role": "superuser"}), "role"),
        (
            json!({"name": "n", "role": "viewer", "expires_at": past}),
            "expires_at",
        ),
    ];
    for (body, field) in cases {
        let (status, p) = problem(app.post_json("/api/tokens", &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(p["errors"][0]["field"], field, "{body}: {p}");
    }
    let (_, _viewer) = api_token(&app, "fine", "viewer").await;
}
