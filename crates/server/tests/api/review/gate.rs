//! With approval on, nothing goes out before a note is approved: no link, no
//! dispatch, and an edited note's live links stop serving until approved again.
use super::{approval_app, approval_on, approved_post, conflict, edit, ok_step};
use crate::fleet::{fleet, robot_ids, status, until};
use crate::helpers::valid_post;
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_server::Settings;

#[tokio::test]
async fn no_link_for_a_note_in_draft_or_in_review_only_once_approved() {
    let app = approval_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let links = format!("/api/posts/{id}/links");

    conflict(
        app.post_json(&links, &json!({})).await,
        "post_not_approved",
        "draft",
    )
    .await;
    ok_step(&app, id, "submit", json!({})).await;
    conflict(
        app.post_json(&links, &json!({})).await,
        "post_not_approved",
        "in_review",
    )
    .await;
    ok_step(&app, id, "approve", json!({})).await;
    let res = app.post_json(&links, &json!({})).await;

    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(crate::helpers::count_rows(&app.db, "share_link").await, 1);
}

fn fast_with_approval(s: &mut Settings) {
    crate::fleet::fast(s);
    approval_on(s);
}

#[tokio::test]
async fn no_dispatch_for_a_note_in_draft_or_in_review_only_once_approved() {
    let (_fake, app) = fleet(2, fast_with_approval).await;
    let robots = robot_ids(&app).await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let path = format!("/api/posts/{id}/dispatch");
    let body = json!({"robot_ids": robots});

    conflict(
        app.post_json(&path, &body).await,
        "post_not_approved",
        "draft",
    )
    .await;
    ok_step(&app, id, "submit", json!({})).await;
    conflict(
        app.post_json(&path, &body).await,
        "post_not_approved",
        "in_review",
    )
    .await;
    assert_eq!(crate::helpers::count_rows(&app.db, "robot_task").await, 0);
    ok_step(&app, id, "approve", json!({})).await;
    let res = app.post_json(&path, &body).await;

    assert_eq!(res.status(), StatusCode::CREATED);
    until(&app, id, 10, |t| status(t) == "succeeded").await;
}

#[tokio::test]
async fn a_dispatched_note_edited_before_its_send_is_not_sent_unapproved() {
    let (fake, app) = fleet(1, fast_with_approval).await;
    let robots = robot_ids(&app).await;
    let post = approved_post(&app).await;
    let later = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let res = app
        .post_json(
            &format!("/api/posts/{}/dispatch", post["id"]),
            &json!({"robot_ids": robots, "not_before": later}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    edit(&app, &post, "还没审核的新标题").await;

    let tasks = until(&app, post["id"].as_i64().unwrap(), 10, |t| {
        status(t) == "failed"
    })
    .await;
    assert!(
        tasks[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not approved"),
        "{tasks:?}"
    );
    assert_eq!(fake.publish_requests(), 0, "nothing reached the provider");
}

async fn share(app: &crate::helpers::TestApp, token: &str, tail: &str) -> reqwest::Response {
    let url = app.url(&format!("/api/share/{token}{tail}"));
    app.client.get(url).send().await.unwrap()
}

#[tokio::test]
async fn an_edited_approved_note_goes_back_to_draft_and_its_live_link_stops_serving_until_approved()
{
    let app = approval_app().await;
    let post = approved_post(&app).await;
    let id = post["id"].as_i64().unwrap();
    let link: Value = app
        .post_json(&format!("/api/posts/{id}/links"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let token = link["token"].as_str().unwrap();
    assert_eq!(share(&app, token, "").await.status(), StatusCode::OK);

    let saved = edit(&app, &post, "新标题").await;

    assert_eq!(saved["review_status"], "draft");
    conflict(share(&app, token, "").await, "post_not_approved", "draft").await;
    conflict(
        share(&app, token, "/publish").await,
        "post_not_approved",
        "draft",
    )
    .await;
    ok_step(&app, id, "submit", json!({})).await;
    conflict(
        share(&app, token, "").await,
        "post_not_approved",
        "in_review",
    )
    .await;
    ok_step(&app, id, "approve", json!({})).await;
    let page: Value = share(&app, token, "").await.json().await.unwrap();
    assert_eq!(page["title"], "新标题", "{page}");
    assert_eq!(
        share(&app, token, "/publish").await.status(),
        StatusCode::OK
    );
}
