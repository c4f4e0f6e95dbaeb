//! Variants of a note (issue 19 item 2): overrides of the note's fields
//! checked as a note is, part of its versions and its review.
use crate::helpers::{count_rows, problem, spawn_app, valid_post, TestApp};
use crate::teams::{add_user, audit_entries, login_as};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

mod duplicate;
mod history;
mod links;
mod rules;

pub(super) async fn json_of(res: Response, want: StatusCode) -> Value {
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, want, "{body}");
    body
}

pub(super) async fn note(app: &TestApp) -> i64 {
    app.create_post(&valid_post()).await["id"].as_i64().unwrap()
}

pub(super) async fn add(app: &TestApp, post: i64, body: Value) -> Value {
    let res = app
        .post_json(&format!("/api/posts/{post}/variants"), &body)
        .await;
    json_of(res, StatusCode::CREATED).await
}

pub(super) async fn listed(app: &TestApp, post: i64) -> Value {
    json_of(
        app.get(&format!("/api/posts/{post}/variants")).await,
        StatusCode::OK,
    )
    .await
}

pub(super) async fn post_of(app: &TestApp, post: i64) -> Value {
    json_of(app.get(&format!("/api/posts/{post}")).await, StatusCode::OK).await
}

#[tokio::test]
async fn a_variant_overrides_some_fields_and_leaves_the_rest_to_the_note() {
    let app = spawn_app().await;
    let post = note(&app).await;

    let a = add(&app, post, json!({"label": "A", "title": "品牌号版本"})).await;
    assert_eq!(a["label"], "A");
    assert_eq!(a["title"], "品牌号版本");
    assert_eq!(
        (a["content"].clone(), a["image_urls"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(
        (a["position"].as_i64(), a["post_version"].as_i64()),
        (Some(1), Some(2))
    );
    // Blank fields and no images fall back too.
    let b = add(
        &app,
        post,
        json!({"label": "B", "content": "另一种说法 #周末 ", "title": "  ", "image_urls": []}),
    )
    .await;
    assert_eq!(
        (b["title"].clone(), b["image_urls"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(b["position"], 2);

    let list = listed(&app, post).await;
    let labels: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["A", "B"]);
    assert_eq!(list["post_version"], 3);
    assert_eq!(post_of(&app, post).await["version"], 3);

    let id = a["id"].as_i64().unwrap();
    let path = format!("/api/posts/{post}/variants/{id}");
    let images = json!(["https://img.example.com/a1.jpg"]);
    let res = app
        .put_json(&path, &json!({"label": "A2", "image_urls": images}))
        .await;
    let a = json_of(res, StatusCode::OK).await;
    // Replaced: the title it no longer gives falls back to the note's.
    assert_eq!(
        (a["label"].as_str(), a["title"].clone()),
        (Some("A2"), Value::Null)
    );
    assert_eq!(a["image_urls"], images);
    assert_eq!(a["position"], 1);

    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    let (status, p) = problem(app.delete(&path).await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("variant"))
    );
    let (status, _) = problem(app.put_json(&path, &json!({"label": "x"})).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        listed(&app, post).await["items"].as_array().unwrap().len(),
        1
    );

    let actions = audit_entries(&app, "target_type=post").await;
    let details: Vec<&str> = actions
        .iter()
        .filter_map(|e| e["detail"].as_str())
        .filter(|d| d.starts_with("variant"))
        .collect();
    assert_eq!(
        details,
        [
            "variant 'A2' deleted",
            "variant 'A2' changed",
            "variant 'B' added",
            "variant 'A' added"
        ]
    );
}

#[tokio::test]
async fn deleting_the_note_deletes_its_variants() {
    let app = spawn_app().await;
    let (post, kept) = (note(&app).await, note(&app).await);
    add(&app, post, json!({"label": "A"})).await;
    add(&app, post, json!({"label": "B"})).await;
    add(&app, kept, json!({"label": "A"})).await;
    assert_eq!(count_rows(&app.db, "x_post_variant").await, 3);
    assert_eq!(
        app.delete(&format!("/api/posts/{post}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let (status, p) = problem(app.get(&format!("/api/posts/{post}/variants")).await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("post"))
    );
    assert_eq!(count_rows(&app.db, "x_post_variant").await, 1);
}

#[tokio::test]
async fn viewers_read_variants_and_only_operators_change_them() {
    let app = spawn_app().await;
    let post = note(&app).await;
    let v = add(&app, post, json!({"label": "A"})).await;
    add_user(&app, "viewer1", "viewer").await;
    add_user(&app, "operator1", "operator").await;
    let viewer = login_as(&app, "viewer1").await;
    let base = format!("/api/posts/{post}/variants");
    let one = format!("{base}/{}", v["id"]);
    assert_eq!(viewer.get(&base).await.status(), StatusCode::OK);
    let body = json!({"label": "B"});
    for (method, path) in [
        (Method::POST, &base),
        (Method::PUT, &one),
        (Method::DELETE, &one),
    ] {
        let (status, p) = problem(viewer.send(method.clone(), path, Some(&body)).await).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("forbidden")),
            "{method} {path}"
        );
    }
    let operator = login_as(&app, "operator1").await;
    let res = operator.post_json(&base, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = operator.send(Method::DELETE, &one, None).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let audit = audit_entries(&app, "actor=operator1").await;
    let details: Vec<&str> = audit
        .iter()
        .filter_map(|e| e["detail"].as_str())
        .filter(|d| d.starts_with("variant"))
        .collect();
    assert_eq!(
        details,
        ["variant 'A' deleted", "variant 'B' added"],
        "{audit:?}"
    );
}
