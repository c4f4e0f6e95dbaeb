//! Variants belong to the note: its review and its versions.
use super::{add, json_of, listed, note, post_of};
use crate::helpers::spawn_app;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn changing_a_variant_of_an_approved_note_sends_it_back_to_draft() {
    let app = spawn_app().await;
    let post = note(&app).await;
    for step in ["submit", "approve"] {
        let res = app
            .post_json(&format!("/api/posts/{post}/{step}"), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{step}");
    }
    assert_eq!(post_of(&app, post).await["review_status"], "approved");
    let v = add(&app, post, json!({"label": "A", "title": "新标题"})).await;
    assert_eq!(post_of(&app, post).await["review_status"], "draft");

    for step in ["submit", "approve"] {
        let res = app
            .post_json(&format!("/api/posts/{post}/{step}"), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{step}");
    }
    let path = format!("/api/posts/{post}/variants/{}", v["id"]);
    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(post_of(&app, post).await["review_status"], "draft");
}

#[tokio::test]
async fn a_version_keeps_the_variants_and_restoring_it_brings_them_back() {
    let app = spawn_app().await;
    let post = note(&app).await;
    let a = add(&app, post, json!({"label": "A", "title": "甲版本"})).await;
    let path = format!("/api/posts/{post}/variants/{}", a["id"]);
    let res = app
        .put_json(&path, &json!({"label": "A", "title": "乙版本"}))
        .await;
    assert_eq!(json_of(res, StatusCode::OK).await["post_version"], 3);

    let versions = json_of(
        app.get(&format!("/api/posts/{post}/versions")).await,
        StatusCode::OK,
    )
    .await;
    let notes: Vec<Value> = versions["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["note"].clone())
        .collect();
    assert_eq!(
        notes,
        [
            json!("variant 'A' changed"),
            json!("variant 'A' added"),
            Value::Null
        ]
    );
    let v2 = json_of(
        app.get(&format!("/api/posts/{post}/versions/2")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(v2["variants"][0]["title"], "甲版本");
    assert_eq!(v2["variants"][0]["content"], Value::Null);
    let v1 = json_of(
        app.get(&format!("/api/posts/{post}/versions/1")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(v1["variants"], json!([]));

    let diff = json_of(
        app.get(&format!("/api/posts/{post}/diff?from=2&to=3"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(diff["fields"].as_array().unwrap().len(), 1, "{diff}");
    assert_eq!(diff["fields"][0]["field"], "variants");
    assert_eq!(diff["fields"][0]["before"], "[A]\ntitle: 甲版本");
    assert_eq!(diff["fields"][0]["after"], "[A]\ntitle: 乙版本");

    let res = app
        .post_json(&format!("/api/posts/{post}/versions/2/restore"), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let list = listed(&app, post).await;
    assert_eq!(list["items"][0]["title"], "甲版本");
    assert_eq!(list["post_version"], 4);
    let res = app
        .post_json(&format!("/api/posts/{post}/versions/1/restore"), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(listed(&app, post).await["items"], json!([]));
}
