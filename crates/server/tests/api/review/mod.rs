//! The approval workflow and a note's versions (issue 12, items 4 and 5).
use crate::helpers::{problem, spawn_app_with, valid_post, Options, TestApp};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use xhs_server::Settings;

mod gate;
mod migration;
mod transactions;
mod versions;
mod workflow;

pub(super) fn approval_on(s: &mut Settings) {
    s.workflow.approval = true;
}

/// A server with `workflow.approval` on.
pub(super) async fn approval_app() -> TestApp {
    spawn_app_with(Options {
        settings: Some(approval_on),
        ..Options::default()
    })
    .await
}

pub(super) async fn step(app: &TestApp, post: i64, action: &str, body: Value) -> Response {
    app.post_json(&format!("/api/posts/{post}/{action}"), &body)
        .await
}

/// Takes a post through a step that must succeed; the post after it.
pub(super) async fn ok_step(app: &TestApp, post: i64, action: &str, body: Value) -> Value {
    let res = step(app, post, action, body).await;
    assert_eq!(res.status(), StatusCode::OK, "{action}");
    res.json().await.unwrap()
}

/// A new note, submitted and approved.
pub(super) async fn approved_post(app: &TestApp) -> Value {
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    ok_step(app, id, "submit", json!({})).await;
    ok_step(app, id, "approve", json!({})).await
}

/// Saves `post` with a new title (from the version it has).
pub(super) async fn edit(app: &TestApp, post: &Value, title: &str) -> Value {
    let mut body = valid_post();
    body["title"] = json!(title);
    body["version"] = post["version"].clone();
    let res = app
        .put_json(&format!("/api/posts/{}", post["id"]), &body)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// The codes only this workflow produces, for `codes.rs`.
pub async fn error_codes() -> Vec<Response> {
    let app = approval_app().await;
    let draft = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let not_approved = app
        .post_json(&format!("/api/posts/{draft}/links"), &json!({}))
        .await;
    let wrong_state = step(&app, draft, "approve", json!({})).await;
    vec![not_approved, wrong_state]
}

/// Asserts a 409 with `code` naming the note's status.
pub(super) async fn conflict(res: Response, code: &str, status: &str) {
    let (http, p) = problem(res).await;
    assert_eq!(
        (http, p["code"].as_str(), p["review_status"].as_str()),
        (StatusCode::CONFLICT, Some(code), Some(status)),
        "{p}"
    );
    assert!(
        p["detail"].as_str().unwrap().contains(status),
        "the detail names the state: {p}"
    );
}
