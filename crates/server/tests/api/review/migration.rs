//! The migration keeps the current state of every live note as its first
//! version, and goes down cleanly.
use crate::helpers::{spawn_app, valid_post};
use serde_json::{json, Value};
use xhs_persistence::ConnectionTrait;

#[tokio::test]
async fn live_notes_get_their_current_state_as_a_first_version_by_system() {
    let app = spawn_app().await;
    let kept = app.create_post(&valid_post()).await;
    let mut body = valid_post();
    body["title"] = json!("迁移前改过");
    body["version"] = kept["version"].clone();
    let kept: Value = app
        .put_json(&format!("/api/posts/{}", kept["id"]), &body)
        .await
        .json()
        .await
        .unwrap();
    let gone = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    app.delete(&format!("/api/posts/{gone}")).await;

    crate::helpers::migrate_down_through(&app.db, "m20261124_000017_add_review_and_versions").await;
    let dropped = app
        .db
        .execute_unprepared("SELECT review_status FROM x_post")
        .await;
    assert!(dropped.is_err(), "down removes the columns");
    xhs_persistence::migrate(&app.db).await.unwrap();

    let list: Value = app
        .get(&format!("/api/posts/{}/versions", kept["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["items"],
        json!([{"version": 2, "author": "system", "created_at": list["items"][0]["created_at"], "note": null}])
    );
    let first: Value = app
        .get(&format!("/api/posts/{}/versions/2", kept["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["title"], "迁移前改过");
    assert_eq!(
        crate::helpers::count_rows(&app.db, "x_post_version").await,
        1,
        "none for the deleted note"
    );
    let post: Value = app
        .get(&format!("/api/posts/{}", kept["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(post["review_status"], "draft");
}
