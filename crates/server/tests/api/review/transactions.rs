//! A save and its version are written together or not at all: a failure
//! injected into the version's insert (a trigger, on every backend) leaves
//! the post as it was.
use crate::helpers::{count_rows, inject_failure, problem, spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_save_whose_version_cannot_be_written_leaves_the_post_unchanged() {
    let app = spawn_app().await;
    let post = super::approved_post(&app).await;
    let id = post["id"].as_i64().unwrap();
    inject_failure(&app.db, "x_post_version", "INSERT").await;

    let mut body = valid_post();
    body["title"] = json!("不该存下的标题");
    body["version"] = post["version"].clone();
    let (status, p) = problem(app.put_json(&format!("/api/posts/{id}"), &body).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::INTERNAL_SERVER_ERROR, Some("internal"))
    );
    let restore = app
        .post_json(&format!("/api/posts/{id}/versions/1/restore"), &json!({}))
        .await;
    assert_eq!(restore.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let create = app.post_json("/api/posts", &valid_post()).await;
    assert_eq!(create.status(), StatusCode::INTERNAL_SERVER_ERROR);

    let now: Value = app
        .get(&format!("/api/posts/{id}"))
        .await
        .json()
        .await
        .unwrap();
    for field in ["title", "version", "review_status", "updated_at"] {
        assert_eq!(now[field], post[field], "{field} unchanged");
    }
    assert_eq!(
        now["review_status"], "approved",
        "still approved: nothing was saved"
    );
    assert_eq!(
        count_rows(&app.db, "x_post").await,
        1,
        "the new post was rolled back"
    );
    assert_eq!(count_rows(&app.db, "x_post_version").await, 1);
}
