//! One mechanism: the document states each operation's least role as its
//! bearer scope, and the server refuses everyone below it with 403
//! `forbidden` naming the role, whether they come with a session or a token.
use super::{add_user, api_token, audit_entries, login_as, Caller};
use crate::helpers::{problem, spawn_app, spawn_app_with, valid_post, Options};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const ORDER: [&str; 4] = ["viewer", "operator", "reviewer", "admin"];

/// Every operation of the document: (method, path, its role scopes, tags).
fn operations() -> Vec<(Method, String, Vec<String>, Vec<String>)> {
    let doc = serde_json::to_value(xhs_api::openapi()).unwrap();
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (name, op) in item.as_object().unwrap() {
            let Ok(method) = name.to_uppercase().parse::<Method>() else {
                continue;
            };
            let strings = |v: &Value| -> Vec<String> {
                v.as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            };
            let scopes = op["security"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|r| strings(&r["bearer"]))
                .collect();
            ops.push((method, path.clone(), scopes, strings(&op["tags"])));
        }
    }
    ops
}

/// A concrete path for a template: every `{param}` is 1.
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|s| if s.starts_with('{') { "1" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

fn rank(role: &str) -> usize {
    ORDER.iter().position(|r| *r == role).unwrap()
}

/// Every operation above `role` (every write, and the reads that sign a
/// payload) answers 403 naming its role to `caller`; returns how many
/// writes were tried.
async fn every_write_above_is_refused(caller: &Caller<'_>, role: &str) -> usize {
    let mut refused = 0;
    for (method, path, scopes, _) in operations() {
        if scopes.is_empty() || rank(&scopes[0]) <= rank(role) {
            continue;
        }
        let res = caller
            .send(method.clone(), &concrete(&path), Some(&valid_post()))
            .await;
        let (status, p) = problem(res).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(p["code"], "forbidden", "{method} {path}");
        assert_eq!(p["required_role"], scopes[0], "{method} {path}");
        assert!(
            p["detail"].as_str().unwrap().contains(&scopes[0]),
            "the detail names the role: {p}"
        );
        refused += usize::from(method != Method::GET);
    }
    refused
}

#[tokio::test]
async fn every_operation_of_the_document_states_exactly_one_role_unless_it_is_public() {
    let public = |p: &str| {
        !p.starts_with("/api/")
            || p == "/api/auth/login"
            || p.starts_with("/api/share/")
            || p.starts_with("/api/robots/callback")
            || p.starts_with("/api/robots/events")
    };
    for (method, path, scopes, _) in operations() {
        if public(&path) {
            assert!(scopes.is_empty(), "{method} {path} is public");
        } else {
            assert_eq!(scopes.len(), 1, "{method} {path}: {scopes:?}");
            assert!(ORDER.contains(&scopes[0].as_str()), "{method} {path}");
        }
    }
}

#[tokio::test]
async fn a_viewer_cannot_write_anything_with_a_session_or_a_token() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await;
    add_user(&app, "watcher", "viewer").await;
    let session = login_as(&app, "watcher").await;
    let (_, token) = api_token(&app, "dashboard", "viewer").await;
    let before = audit_entries(&app, "").await.len();

    let by_session = every_write_above_is_refused(&session, "viewer").await;
    let by_token = every_write_above_is_refused(&token, "viewer").await;

    // Accounts 3, links 1, media 2, posts 5, records 1, robots 1, tasks 2,
    // users 2, tokens 2, and whatever comes later.
    assert!(by_session >= 19, "{by_session} writes tried");
    assert_eq!(by_session, by_token);
    assert_eq!(
        audit_entries(&app, "").await.len(),
        before,
        "nothing was done, so nothing was recorded"
    );
    // What a viewer may do: read, and check a draft.
    for caller in [&session, &token] {
        let res = caller.get(&format!("/api/posts/{}", post["id"])).await;
        assert_eq!(res.status(), StatusCode::OK);
        let res = caller.post_json("/api/preflight", &valid_post()).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn an_operator_cannot_manage_users_tokens_or_the_audit_log() {
    let app = spawn_app().await;
    add_user(&app, "writer", "operator").await;
    let operator = login_as(&app, "writer").await;
    let team: Vec<_> = operations()
        .into_iter()
        .filter(|(_, _, _, tags)| tags.iter().any(|t| t == "team"))
        .collect();
    assert_eq!(team.len(), 8, "users x3, tokens x3, audit list and export");

    for (method, path, scopes, _) in team {
        assert_eq!(scopes, ["admin"], "{method} {path}");
        let body = json!({"username": "x", "name": "x", "role": "admin"});
        let res = operator
            .send(method.clone(), &concrete(&path), Some(&body))
            .await;
        let (status, p) = problem(res).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(p["required_role"], "admin", "{method} {path}");
    }
    // What an operator may do: write notes.
    let res = operator.post_json("/api/posts", &valid_post()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn me_says_the_role_and_whether_approval_is_required() {
    let app = spawn_app().await;
    add_user(&app, "checker", "reviewer").await;
    let reviewer = login_as(&app, "checker").await;
    let me: Value = reviewer.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me["username"], "checker");
    assert_eq!(me["role"], "reviewer");
    assert_eq!(me["approval_required"], false);
    let admin: Value = app.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(admin["role"], "admin", "the first-start admin stays admin");

    let strict = spawn_app_with(Options {
        settings: Some(|s| s.workflow.approval = true),
        ..Options::default()
    })
    .await;
    let me: Value = strict.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me["approval_required"], true);
}
