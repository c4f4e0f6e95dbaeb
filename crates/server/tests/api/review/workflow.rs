//! draft -> in review -> approved, or back to draft with a comment.
use super::{conflict, edit, ok_step, step};
use crate::helpers::{problem, spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_note_goes_through_review_and_keeps_the_reviewers_comment() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await;
    let id = post["id"].as_i64().unwrap();
    assert_eq!(post["review_status"], "draft");
    assert!(post["reviewed_by"].is_null() && post["review_comment"].is_null());

    let submitted = ok_step(&app, id, "submit", json!({})).await;
    assert_eq!(submitted["review_status"], "in_review");
    let comment = "标题太长，请改短一点";
    let back = ok_step(&app, id, "request-changes", json!({"comment": comment})).await;
    assert_eq!(back["review_status"], "draft");
    assert_eq!(back["review_comment"], comment);
    assert_eq!(back["reviewed_by"], "admin");
    assert!(back["reviewed_at"].is_string());
    let again = ok_step(&app, id, "submit", json!({})).await;
    assert_eq!(
        (
            again["review_status"].as_str(),
            again["review_comment"].as_str()
        ),
        (Some("in_review"), Some(comment)),
        "the comment stays until the next review"
    );
    let approved = ok_step(&app, id, "approve", json!({"comment": "可以发"})).await;

    assert_eq!(approved["review_status"], "approved");
    assert_eq!(approved["review_comment"], "可以发");
    assert_eq!(approved["reviewed_by"], "admin");
    assert_eq!(
        approved["version"], post["version"],
        "review steps do not change the content's version"
    );
    let fetched: serde_json::Value = app
        .get(&format!("/api/posts/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(fetched["review_status"], "approved");
}

#[tokio::test]
async fn a_step_from_the_wrong_state_is_409_naming_the_current_state() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();

    conflict(
        step(&app, id, "approve", json!({})).await,
        "invalid_review_state",
        "draft",
    )
    .await;
    let why = json!({"comment": "再改改"});
    conflict(
        step(&app, id, "request-changes", why.clone()).await,
        "invalid_review_state",
        "draft",
    )
    .await;
    ok_step(&app, id, "submit", json!({})).await;
    conflict(
        step(&app, id, "submit", json!({})).await,
        "invalid_review_state",
        "in_review",
    )
    .await;
    ok_step(&app, id, "approve", json!({})).await;
    conflict(
        step(&app, id, "approve", json!({})).await,
        "invalid_review_state",
        "approved",
    )
    .await;
    conflict(
        step(&app, id, "submit", json!({})).await,
        "invalid_review_state",
        "approved",
    )
    .await;
    conflict(
        step(&app, id, "request-changes", why).await,
        "invalid_review_state",
        "approved",
    )
    .await;

    let (status, p) = problem(step(&app, 999_999, "submit", json!({})).await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("post"))
    );
}

#[tokio::test]
async fn requesting_changes_needs_a_comment_of_at_most_500_characters() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    ok_step(&app, id, "submit", json!({})).await;

    for body in [
        json!({}),
        json!({"comment": "  "}),
        json!({"comment": "长".repeat(501)}),
    ] {
        let (status, p) = problem(step(&app, id, "request-changes", body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(p["errors"][0]["field"], "comment");
    }
    let (status, p) =
        problem(step(&app, id, "approve", json!({"comment": "长".repeat(501)})).await).await;
    assert_eq!(
        (status, p["errors"][0]["rule"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("max_chars"))
    );
    let post: serde_json::Value = app
        .get(&format!("/api/posts/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(post["review_status"], "in_review", "nothing moved");
}

#[tokio::test]
async fn saving_an_approved_note_sends_it_back_to_draft_even_with_approval_off() {
    let app = spawn_app().await;
    let post = super::approved_post(&app).await;

    let saved = edit(&app, &post, "改过的标题").await;

    assert_eq!(saved["review_status"], "draft");
    let res = app
        .post_json(&format!("/api/posts/{}/links", post["id"]), &json!({}))
        .await;
    assert_eq!(
        res.status(),
        StatusCode::CREATED,
        "approval off: drafts get links as before"
    );
}

#[tokio::test]
async fn the_list_filters_by_review_status_for_the_review_queue() {
    let app = spawn_app().await;
    let draft = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let queued = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    ok_step(&app, queued, "submit", json!({})).await;

    let page: serde_json::Value = app
        .get("/api/posts?review_status=in_review")
        .await
        .json()
        .await
        .unwrap();
    let ids: Vec<i64> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![queued]);
    let page: serde_json::Value = app
        .get("/api/posts?review_status=draft")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["id"], draft);
    let (status, p) = problem(app.get("/api/posts?review_status=pending").await).await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("review_status"))
    );
}

#[tokio::test]
async fn the_document_states_the_least_role_of_each_review_and_history_operation() {
    let app = spawn_app().await;
    let doc: serde_json::Value = app
        .client
        .get(app.url("/api-docs/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for (path, method, role) in [
        ("/api/posts/{id}/submit", "post", "operator"),
        ("/api/posts/{id}/approve", "post", "reviewer"),
        ("/api/posts/{id}/request-changes", "post", "reviewer"),
        ("/api/posts/{id}/versions", "get", "viewer"),
        ("/api/posts/{id}/versions/{version}", "get", "viewer"),
        (
            "/api/posts/{id}/versions/{version}/restore",
            "post",
            "operator",
        ),
        ("/api/posts/{id}/diff", "get", "viewer"),
    ] {
        let op = &doc["paths"][path][method];
        assert_eq!(
            op["security"][0]["bearer"],
            json!([role]),
            "{method} {path}"
        );
        assert_eq!(op["tags"][0], "posts");
    }
}
