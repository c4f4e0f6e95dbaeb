//! The audit log: every successful write leaves exactly one entry (written
//! by the use case in its own transaction), logins and failed logins too; an
//! admin reads it with filters; nothing in the API can change it.
use super::{add_user, api_token, audit_entries, login_as};
use crate::helpers::{problem, spawn_app, spawn_app_with, valid_post, Options, ADMIN_PASSWORD};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// (action, target_type, target_id, actor) of an entry.
fn key(e: &Value) -> (String, Value, Value, String) {
    (
        e["action"].as_str().unwrap().to_owned(),
        e["target_type"].clone(),
        e["target_id"].clone(),
        e["actor"].as_str().unwrap().to_owned(),
    )
}

fn want(
    action: &str,
    target: Option<&str>,
    id: Option<i64>,
    actor: &str,
) -> (String, Value, Value, String) {
    (action.into(), json!(target), json!(id), actor.into())
}

#[tokio::test]
async fn every_audited_action_leaves_exactly_one_entry() {
    let app = spawn_app().await;
    assert_eq!(
        app.login("admin", "not the password").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let mut edit = valid_post();
    edit["version"] = json!(1);
    assert_eq!(
        app.put_json(&format!("/api/posts/{post}"), &edit)
            .await
            .status(),
        StatusCode::OK
    );
    app.get(&format!("/api/posts/{post}")).await;
    assert_eq!(
        app.delete(&format!("/api/posts/{post}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let other = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let link: Value = app
        .post_json(&format!("/api/posts/{other}/links"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let link_id = link["id"].as_i64().unwrap();
    let res = app
        .post_json(&format!("/api/links/{link_id}/revoke"), &json!({}))
        .await;
    assert!(res.status().is_success());
    let user = add_user(&app, "uma", "operator").await;
    app.put_json(&format!("/api/users/{user}"), &json!({"role": "reviewer"}))
        .await;
    let (token, caller) = api_token(&app, "bot", "operator").await;
    let by_token = caller.post_json("/api/posts", &valid_post()).await;
    let by_token = by_token.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        app.delete(&format!("/api/tokens/{token}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let uma = login_as(&app, "uma").await;
    assert_eq!(
        uma.post_json("/api/auth/logout", &json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    // Refused and failed writes leave nothing.
    app.put_json(&format!("/api/posts/{post}"), &edit).await;
    uma.post_json("/api/posts", &valid_post()).await;
    app.post_json("/api/preflight", &valid_post()).await;

    let entries = audit_entries(&app, "").await;
    let got: Vec<_> = entries.iter().rev().map(key).collect();
    let expected = vec![
        want("login", None, None, "admin"),
        want("login_failed", None, None, "admin"),
        want("create", Some("post"), Some(post), "admin"),
        want("update", Some("post"), Some(post), "admin"),
        want("delete", Some("post"), Some(post), "admin"),
        want("create", Some("post"), Some(other), "admin"),
        want("link", Some("post"), Some(other), "admin"),
        want("revoke", Some("link"), Some(link_id), "admin"),
        want("create", Some("user"), Some(user), "admin"),
        want("update", Some("user"), Some(user), "admin"),
        want("create", Some("token"), Some(token), "admin"),
        want("create", Some("post"), Some(by_token), "token:bot"),
        want("delete", Some("token"), Some(token), "admin"),
        want("login", None, None, "uma"),
        want("logout", None, None, "uma"),
    ];
    assert_eq!(got, expected);
    for e in &entries {
        assert_eq!(e["client_ip"], "127.0.0.1", "{e}");
        let kind = match e["actor"].as_str().unwrap() {
            _ if e["action"] == "login_failed" => "anonymous",
            "token:bot" => "token",
            _ => "user",
        };
        assert_eq!(e["actor_kind"], kind, "{e}");
        assert!(e["at"].is_string() && e["detail"].is_string(), "{e}");
    }
    let user_change = entries
        .iter()
        .find(|e| e["action"] == "update" && e["target_type"] == "user");
    assert!(user_change.unwrap()["detail"]
        .as_str()
        .unwrap()
        .contains("reviewer"));
    let text = serde_json::to_string(&entries).unwrap();
    for secret in [
        ADMIN_PASSWORD,
        "not the password",
        &super::password_of("uma"),
        &caller.token,
    ] {
        assert!(!text.contains(secret), "no secret in the log");
    }
}

#[tokio::test]
async fn the_audit_log_filters_by_actor_action_target_and_time_and_pages() {
    let app = spawn_app().await;
    let start = chrono::Utc::now() - chrono::Duration::seconds(1);
    let a = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let b = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    app.delete(&format!("/api/posts/{a}")).await;
    let (_, bot) = api_token(&app, "bot", "operator").await;
    bot.send(Method::DELETE, &format!("/api/posts/{b}"), None)
        .await;

    let by = |q: &'static str| audit_entries(&app, q);
    let only_bot = by("actor=token:bot").await;
    assert_eq!(only_bot.len(), 1);
    assert_eq!(only_bot[0]["target_id"], b);
    let deletes = by("action=delete").await;
    assert_eq!(deletes.len(), 2);
    let post_a = audit_entries(&app, &format!("target_type=post&target_id={a}")).await;
    assert_eq!(
        post_a
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["delete", "create"]
    );
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let since = format!(
        "from={}&to={}",
        urlencode(&start.to_rfc3339()),
        urlencode(&later)
    );
    assert_eq!(
        audit_entries(&app, &since).await.len(),
        6,
        "login, 2 creates, token, 2 deletes"
    );
    let future = format!("from={}", urlencode(&later));
    assert!(audit_entries(&app, &future).await.is_empty());

    // Pages of two, newest first, until the cursor runs out.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let page: Value = app
            .get(&format!("/api/audit?limit=2&cursor={cursor}"))
            .await
            .json()
            .await
            .unwrap();
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_i64().unwrap()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.to_owned(),
            None => break,
        }
    }
    assert_eq!(seen.len(), 6);
    assert!(seen.windows(2).all(|w| w[0] > w[1]), "{seen:?}");

    for (q, field) in [
        ("action=erase", "action"),
        ("target_type=planet", "target_type"),
        ("limit=0", "limit"),
        ("cursor=abc", "cursor"),
    ] {
        let (status, p) = problem(app.get(&format!("/api/audit?{q}")).await).await;
        assert_eq!(
            (status, p["errors"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{q}"
        );
    }
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

#[tokio::test]
async fn the_audit_log_has_no_write_path() {
    let app = spawn_app().await;
    for method in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
        for path in ["/api/audit", "/api/audit/1"] {
            let res = app
                .client
                .request(method.clone(), app.url(path))
                .bearer_auth(&app.token)
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            let status = res.status();
            assert!(
                status == StatusCode::METHOD_NOT_ALLOWED
                    || (path != "/api/audit" && status == StatusCode::NOT_FOUND),
                "{method} {path}: {status}"
            );
            if path == "/api/audit" {
                assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
            }
        }
    }
    let doc = serde_json::to_value(xhs_api::openapi()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if path.starts_with("/api/audit") {
            let methods: Vec<&String> = item.as_object().unwrap().keys().collect();
            assert_eq!(methods, ["get"], "{path}");
        }
    }
}

#[tokio::test]
async fn the_client_address_is_the_forwarded_one_only_when_configured() {
    for (trusted, expected) in [(false, "127.0.0.1"), (true, "203.0.113.7")] {
        let share = xhs_api::ShareSettings {
            trust_forwarded_for: trusted,
            ..Default::default()
        };
        let app = spawn_app_with(Options {
            share,
            ..Options::default()
        })
        .await;
        let res = app
            .client
            .post(app.url("/api/posts"))
            .bearer_auth(&app.token)
            .header("x-forwarded-for", "203.0.113.7")
            .json(&valid_post())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        let entries = audit_entries(&app, "action=create").await;
        assert_eq!(entries[0]["client_ip"], expected, "trusted: {trusted}");
    }
}
