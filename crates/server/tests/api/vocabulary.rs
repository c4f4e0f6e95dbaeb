//! Fixes found when the project was tried from outside: not-found names what
//! is missing, a deleted note's link says so, and an operator's confirmation
//! is the same state change as the page's, counted in the statistics.
use crate::helpers::{problem, spawn_app, valid_post};
use crate::share::{event, post_with_link};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn not_found_names_the_missing_resource() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await;
    for (path, resource) in [
        ("/api/posts/424242".to_owned(), "post"),
        ("/api/accounts/424242".to_owned(), "account"),
        ("/api/links/424242".to_owned(), "link"),
        ("/api/media/424242".to_owned(), "media"),
    ] {
        let (status, p) = problem(app.get(&path).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(p["resource"], resource, "{path}");
        assert!(p["detail"].as_str().unwrap().starts_with(resource), "{p}");
    }
    let res = app
        .post_json(
            &format!("/api/posts/{}/links", post["id"]),
            &json!({"account_id": 424242}),
        )
        .await;
    let (status, p) = problem(res).await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("account_id")),
        "a missing account is not a missing note"
    );
}

#[tokio::test]
async fn a_link_of_a_deleted_note_has_the_status_post_deleted() {
    let app = spawn_app().await;
    let (post, link) = post_with_link(&app, json!({})).await;
    app.delete(&format!("/api/posts/{post}")).await;
    let got: Value = app
        .get(&format!("/api/links/{}", link["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got["status"], "post_deleted");
}

async fn account_link(app: &crate::helpers::TestApp) -> (i64, Value) {
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let account = app.create_account("三班", "student").await;
    let link: Value = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"account_id": account}),
        )
        .await
        .json()
        .await
        .unwrap();
    (post, link)
}

#[tokio::test]
async fn an_operators_confirmation_moves_the_record_and_counts_in_the_statistics() {
    let app = spawn_app().await;
    let (post, link) = account_link(&app).await;
    let token = link["token"].as_str().unwrap();
    event(&app, token, json!({"kind": "publish_tapped"})).await;
    let records: Value = app
        .get(&format!("/api/records?post_id={post}"))
        .await
        .json()
        .await
        .unwrap();
    let id = records[0]["id"].as_i64().unwrap();

    let url = "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b";
    let res = app
        .put_json(
            &format!("/api/records/{id}/confirm"),
            &json!({"note_url": url}),
        )
        .await;

    assert_eq!(res.status(), StatusCode::OK);
    let rec: Value = res.json().await.unwrap();
    assert_eq!(
        (rec["status"].as_str(), rec["note_url"].as_str()),
        (Some("published"), Some(url))
    );
    let stats: Value = app
        .get(&format!("/api/posts/{post}/stats"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stats["totals"]["confirmed"], 1, "{stats}");
    let link_stats: Value = app
        .get(&format!("/api/links/{}/stats", link["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(link_stats["totals"]["confirmed"], 1);
}

#[tokio::test]
async fn a_failure_after_the_publish_never_writes_a_reason_onto_the_record() {
    let app = spawn_app().await;
    let (post, link) = account_link(&app).await;
    let token = link["token"].as_str().unwrap();
    let confirm = app
        .client
        .post(app.url(&format!("/api/share/{token}/confirm")))
        .json(&json!({"note_url": "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"}))
        .send()
        .await
        .unwrap();
    assert_eq!(confirm.status(), StatusCode::NO_CONTENT);

    event(
        &app,
        token,
        json!({"kind": "sdk_failed", "reason": "late error"}),
    )
    .await;

    let records: Value = app
        .get(&format!("/api/records?post_id={post}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(records[0]["status"], "published");
    assert_eq!(records[0]["failure_reason"], Value::Null);
}
