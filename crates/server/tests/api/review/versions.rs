//! Every saved state of a note: list, one, diff, restore.
use super::{ok_step, step};
use crate::helpers::{problem, spawn_app, valid_post, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Saves `post` with `changes` applied to the valid body; the new post.
async fn save(app: &TestApp, post: &Value, changes: Value) -> Value {
    let mut body = valid_post();
    for (k, v) in changes.as_object().unwrap() {
        body[k] = v.clone();
    }
    body["version"] = post["version"].clone();
    let res = app
        .put_json(&format!("/api/posts/{}", post["id"]), &body)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn json_of(app: &TestApp, path: &str) -> Value {
    let res = app.get(path).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.json().await.unwrap()
}

/// A note created, then saved with a new title, then with a new body.
async fn three_versions(app: &TestApp) -> Value {
    let post = app.create_post(&valid_post()).await;
    let second = save(app, &post, json!({"title": "第二版标题"})).await;
    save(
        app,
        &second,
        json!({"title": "第二版标题", "content": "三条路线 #城市漫步 #周末 \n新加的一行"}),
    )
    .await
}

#[tokio::test]
async fn a_create_and_two_saves_are_three_versions_newest_first_with_their_authors() {
    let app = spawn_app().await;
    let post = three_versions(&app).await;

    let list = json_of(&app, &format!("/api/posts/{}/versions", post["id"])).await;

    let items = list["items"].as_array().unwrap();
    let versions: Vec<i64> = items
        .iter()
        .map(|v| v["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions, vec![3, 2, 1]);
    assert!(items
        .iter()
        .all(|v| v["author"] == "admin" && v["note"].is_null()));
    assert!(items.iter().all(|v| v["created_at"].is_string()));
    assert_eq!(post["version"], 3, "the newest version is the post's");
}

#[tokio::test]
async fn one_version_holds_the_content_as_it_was() {
    let app = spawn_app().await;
    let post = three_versions(&app).await;

    let first = json_of(&app, &format!("/api/posts/{}/versions/1", post["id"])).await;

    let original = valid_post();
    assert_eq!(first["version"], 1);
    assert_eq!(first["author"], "admin");
    for field in ["type", "title", "content", "image_urls"] {
        assert_eq!(first[field], original[field], "{field}");
    }
    assert!(first["cover_url"].is_null() && first["video_url"].is_null());
    let (status, p) = problem(
        app.get(&format!("/api/posts/{}/versions/9", post["id"]))
            .await,
    )
    .await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("post_version"))
    );
    let (status, p) = problem(app.get("/api/posts/999999/versions").await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("post"))
    );
}

#[tokio::test]
async fn a_diff_lists_exactly_the_changed_fields_with_line_operations() {
    let app = spawn_app().await;
    let post = three_versions(&app).await;

    let d = json_of(&app, &format!("/api/posts/{}/diff?from=1&to=3", post["id"])).await;

    assert_eq!((d["from"].as_i64(), d["to"].as_i64()), (Some(1), Some(3)));
    let fields: Vec<&str> = d["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["title", "content"]);
    let title = &d["fields"][0];
    assert_eq!(
        (title["before"].as_str(), title["after"].as_str()),
        (Some("周末去哪儿"), Some("第二版标题"))
    );
    assert_eq!(
        title["lines"],
        json!([{"op": "delete", "text": "周末去哪儿"}, {"op": "insert", "text": "第二版标题"}])
    );
    let ops: Vec<(&str, &str)> = d["fields"][1]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["op"].as_str().unwrap(), l["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        ops,
        vec![
            ("delete", "三条路线 #城市漫步 #周末 "),
            ("insert", "三条路线 #城市漫步 #周末 "),
            ("insert", "新加的一行"),
        ],
        "a line that gained its line break is a changed line"
    );
    let same = json_of(&app, &format!("/api/posts/{}/diff?from=2&to=2", post["id"])).await;
    assert_eq!(same["fields"], json!([]));
}

#[tokio::test]
async fn a_bad_or_unknown_from_or_to_is_422_naming_the_field() {
    let app = spawn_app().await;
    let post = three_versions(&app).await;
    let id = post["id"].as_i64().unwrap();

    for (query, field, rule) in [
        ("from=abc&to=2", "from", "well_formed"),
        ("from=0&to=2", "from", "well_formed"),
        ("from=1", "to", "required"),
        ("from=1&to=99", "to", "exists"),
        ("from=42&to=1", "from", "exists"),
    ] {
        let (status, p) = problem(app.get(&format!("/api/posts/{id}/diff?{query}")).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(
            (
                p["errors"][0]["field"].as_str(),
                p["errors"][0]["rule"].as_str()
            ),
            (Some(field), Some(rule)),
            "{query}: {p}"
        );
    }
}

#[tokio::test]
async fn restoring_makes_a_new_version_equal_to_the_old_one_and_the_note_a_draft() {
    let app = spawn_app().await;
    let post = three_versions(&app).await;
    let id = post["id"].as_i64().unwrap();
    ok_step(&app, id, "submit", json!({})).await;
    ok_step(&app, id, "approve", json!({})).await;

    let res = step(&app, id, "versions/1/restore", json!({})).await;

    assert_eq!(res.status(), StatusCode::OK);
    let restored: Value = res.json().await.unwrap();
    assert_eq!(restored["version"], 4, "the post's version moves on");
    assert_eq!(restored["review_status"], "draft");
    assert_eq!(restored["title"], valid_post()["title"]);
    let list = json_of(&app, &format!("/api/posts/{id}/versions")).await;
    assert_eq!(list["items"][0]["version"], 4);
    assert_eq!(list["items"][0]["note"], "restored from version 1");
    assert_eq!(list["items"][0]["author"], "admin");
    let d = json_of(&app, &format!("/api/posts/{id}/diff?from=1&to=4")).await;
    assert_eq!(d["fields"], json!([]), "the new version is the old content");
    let mut stale = valid_post();
    stale["version"] = post["version"].clone();
    let res = app.put_json(&format!("/api/posts/{id}"), &stale).await;
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "an editor open before the restore is stale"
    );
    let (status, p) = problem(step(&app, id, "versions/77/restore", json!({})).await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("post_version"))
    );
}
