//! 复制笔记: a copy of a note is a new draft with copies of its variants.
use super::{add, json_of, listed, note, post_of};
use crate::helpers::{problem, spawn_app};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_copied_note_is_a_new_draft_with_copies_of_the_variants() {
    let app = spawn_app().await;
    let post = note(&app).await;
    for step in ["submit", "approve"] {
        let res = app
            .post_json(&format!("/api/posts/{post}/{step}"), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{step}");
    }
    add(&app, post, json!({"label": "A", "title": "甲版本"})).await;
    add(&app, post, json!({"label": "B", "content": "乙版本正文"})).await;

    let res = app
        .post_json(&format!("/api/posts/{post}/duplicate"), &json!({}))
        .await;
    let copy = json_of(res, StatusCode::CREATED).await;
    let id = copy["id"].as_i64().unwrap();
    assert_ne!(id, post);
    let original = post_of(&app, post).await;
    for field in ["type", "title", "content", "image_urls", "cover_url"] {
        assert_eq!(copy[field], original[field], "{field}");
    }
    assert_eq!(
        (copy["version"].as_i64(), copy["review_status"].as_str()),
        (Some(1), Some("draft"))
    );
    let variants = listed(&app, id).await;
    let items = variants["items"].as_array().unwrap();
    let got: Vec<(&str, &Value, &Value)> = items
        .iter()
        .map(|v| (v["label"].as_str().unwrap(), &v["title"], &v["content"]))
        .collect();
    assert_eq!(
        got,
        [
            ("A", &json!("甲版本"), &Value::Null),
            ("B", &Value::Null, &json!("乙版本正文"))
        ]
    );
    // The copies are the copy's own: changing one leaves the original's.
    let path = format!("/api/posts/{id}/variants/{}", items[0]["id"]);
    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        listed(&app, post).await["items"].as_array().unwrap().len(),
        2
    );
    let v1 = json_of(
        app.get(&format!("/api/posts/{id}/versions/1")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(v1["note"], format!("copied from note {post}"));
    let (status, _) = problem(
        app.post_json("/api/posts/999999/duplicate", &json!({}))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
