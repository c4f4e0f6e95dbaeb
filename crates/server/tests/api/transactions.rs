//! A use case that writes twice writes both or neither: a failure injected
//! into the second write (a trigger in the database) leaves the first undone.
use crate::helpers::{count_rows, inject_failure, problem, spawn_app, valid_post};
use crate::share::{event, post_with_link};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_link_whose_publish_record_cannot_be_written_is_not_stored_either() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let account = app.create_account("三班", "student").await;
    inject_failure(&app.db, "publish_record", "INSERT").await;

    let res = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"account_id": account}),
        )
        .await;

    let (status, p) = problem(res).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::INTERNAL_SERVER_ERROR, Some("internal"))
    );
    assert!(
        !p["detail"].as_str().unwrap().contains("injected"),
        "5xx bodies carry no cause"
    );
    assert_eq!(
        count_rows(&app.db, "share_link").await,
        0,
        "the link was rolled back"
    );
}

#[tokio::test]
async fn an_event_whose_record_cannot_move_is_not_counted_either() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let account = app
        .post_json(
            "/api/accounts",
            &json!({"name": "王同学", "kind": "student"}),
        )
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let link: serde_json::Value = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"account_id": account}),
        )
        .await
        .json()
        .await
        .unwrap();
    let token = link["token"].as_str().unwrap();
    inject_failure(&app.db, "publish_record", "UPDATE").await;

    let res = event(&app, token, json!({"kind": "opened"})).await;

    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        count_rows(&app.db, "share_event").await,
        0,
        "the event was rolled back"
    );
    let (_, without_account) = post_with_link(&app, json!({})).await;
    let res = event(
        &app,
        without_account["token"].as_str().unwrap(),
        json!({"kind": "opened"}),
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::NO_CONTENT,
        "other writes still work"
    );
}

#[tokio::test]
async fn a_write_whose_audit_entry_cannot_be_written_does_not_happen() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await;
    let id = post["id"].as_i64().unwrap();
    inject_failure(&app.db, "audit_log", "INSERT").await;

    let created = app.post_json("/api/posts", &valid_post()).await;
    let mut edit = valid_post();
    edit["title"] = json!("改过的标题");
    edit["version"] = json!(1);
    let edited = app.put_json(&format!("/api/posts/{id}"), &edit).await;
    let deleted = app.delete(&format!("/api/posts/{id}")).await;

    for res in [created, edited, deleted] {
        let (status, p) = problem(res).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{p}");
    }
    assert_eq!(count_rows(&app.db, "x_post").await, 1, "no new note");
    let stored: serde_json::Value = app
        .get(&format!("/api/posts/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored["title"], post["title"], "the edit was rolled back");
    assert_eq!(stored["version"], 1);
}
