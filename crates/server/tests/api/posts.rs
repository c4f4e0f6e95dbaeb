use crate::helpers::{problem, spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_post_survives_create_read_update_delete() {
    let app = spawn_app().await;
    let res = app.post_json("/api/posts", &valid_post()).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let created: Value = res.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();
    assert_eq!(location, format!("/api/posts/{id}"));
    assert_eq!(created["version"], 1);
    assert_eq!(created["title"], "周末去哪儿");
    assert_eq!(
        created["image_urls"],
        json!([
            "https://img.example.com/1.jpg",
            "https://img.example.com/2.jpg"
        ])
    );

    let read: Value = app.get(&location).await.json().await.unwrap();
    assert_eq!(read, created);

    let mut edit = valid_post();
    edit["title"] = json!("改过的标题");
    edit["version"] = json!(1);
    let res = app.put_json(&location, &edit).await;
    assert_eq!(res.status(), StatusCode::OK);
    let updated: Value = res.json().await.unwrap();
    assert_eq!(
        (updated["title"].as_str(), updated["version"].as_i64()),
        (Some("改过的标题"), Some(2))
    );
    let read: Value = app.get(&location).await.json().await.unwrap();
    assert_eq!(read["title"], "改过的标题");

    assert_eq!(app.delete(&location).await.status(), StatusCode::NO_CONTENT);
    let (status, body) = problem(app.get(&location).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn deleting_is_soft_and_hides_the_post_everywhere() {
    use sea_orm::EntityTrait;
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    app.delete(&format!("/api/posts/{id}")).await;

    let row = xhs_persistence::entities::x_post::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.is_deleted);
    assert!(row.deleted_at.is_some());
    for path in [
        format!("/api/posts/{id}"),
        format!("/api/posts/{id}/preflight"),
        format!("/api/post/preview/{id}"),
        format!("/api/post/publish/{id}"),
    ] {
        assert_eq!(
            app.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let mut edit = valid_post();
    edit["version"] = json!(1);
    assert_eq!(
        app.put_json(&format!("/api/posts/{id}"), &edit)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.delete(&format!("/api/posts/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let list: Value = app.get("/api/posts").await.json().await.unwrap();
    assert!(list["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn unknown_posts_are_404() {
    let app = spawn_app().await;
    let (status, body) = problem(app.get("/api/posts/999999").await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn a_stale_version_gets_409_and_the_stored_row_is_unchanged() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let path = format!("/api/posts/{id}");
    let mut first = valid_post();
    first["title"] = json!("第一个人保存");
    first["version"] = json!(1);
    assert_eq!(app.put_json(&path, &first).await.status(), StatusCode::OK);
    let before: Value = app.get(&path).await.json().await.unwrap();

    let mut stale = valid_post();
    stale["title"] = json!("第二个人覆盖");
    stale["version"] = json!(1);
    let (status, body) = problem(app.put_json(&path, &stale).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "version_conflict");
    assert_eq!(body["current_version"], 2);
    let after: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(after, before, "nothing was overwritten");
}

#[tokio::test]
async fn the_list_pages_newest_first_and_filters_by_type_and_text() {
    let app = spawn_app().await;
    for i in 0..5 {
        let mut p = valid_post();
        p["title"] = json!(format!("图文 {i}"));
        app.create_post(&p).await;
    }
    app.create_post(&json!({"type": "video", "title": "视频 100%_done", "content": "vlog", "video_url": "https://v.example.com/a.mp4"})).await;

    let page1: Value = app.get("/api/posts?limit=4").await.json().await.unwrap();
    let titles: Vec<&str> = page1["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["视频 100%_done", "图文 4", "图文 3", "图文 2"]);
    let cursor = page1["next_cursor"].as_str().unwrap();
    let page2: Value = app
        .get(&format!("/api/posts?limit=4&cursor={cursor}"))
        .await
        .json()
        .await
        .unwrap();
    let titles: Vec<&str> = page2["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["图文 1", "图文 0"]);
    assert!(page2["next_cursor"].is_null());

    let videos: Value = app.get("/api/posts?type=video").await.json().await.unwrap();
    assert_eq!(videos["items"].as_array().unwrap().len(), 1);
    let found: Value = app
        .get("/api/posts?q=%E5%9B%BE%E6%96%87%203")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "q=图文 3");
    let literal: Value = app.get("/api/posts?q=100%25_").await.json().await.unwrap();
    assert_eq!(
        literal["items"].as_array().unwrap().len(),
        1,
        "% and _ are literal in q"
    );
    let none: Value = app
        .get("/api/posts?q=%25%25nothing")
        .await
        .json()
        .await
        .unwrap();
    assert!(none["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_articles_comma_separated_images_are_accepted_and_stored_as_a_list() {
    let app = spawn_app().await;
    let mut p = valid_post();
    p["image_urls"] = json!("https://img.example.com/a.jpg, https://img.example.com/b.jpg");
    let created = app.create_post(&p).await;
    assert_eq!(
        created["image_urls"],
        json!([
            "https://img.example.com/a.jpg",
            "https://img.example.com/b.jpg"
        ])
    );
}

#[tokio::test]
async fn preflight_reports_every_rule_for_stored_and_unsaved_drafts() {
    let app = spawn_app().await;
    let mut p = valid_post();
    p["image_urls"] = json!(["http://localhost:8080/a.jpg"]);
    let id = app.create_post(&p).await["id"].as_i64().unwrap();
    let stored: Value = app
        .get(&format!("/api/posts/{id}/preflight"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(stored["ok"], true);
    assert_eq!(stored["topics"], 2);
    let warning = stored["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["level"] == "warning")
        .unwrap();
    assert_eq!(
        (warning["rule"].as_str(), warning["field"].as_str()),
        (Some("reachable_from_phone"), Some("image_urls[0]"))
    );

    let mut bad = valid_post();
    bad["title"] = json!("x".repeat(21));
    let res = app.post_json("/api/preflight", &bad).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "an unsaved draft's broken rules are verdicts, not a 422"
    );
    let draft: Value = res.json().await.unwrap();
    assert_eq!(draft["ok"], false);
    assert!(draft["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["level"] == "error" && c["field"] == "title"));
}

#[tokio::test]
async fn notes_created_at_once_are_all_stored() {
    // SQLite has one writer at a time: concurrent creates must wait their
    // turn, never answer 500 "database is locked".
    let app = spawn_app().await;
    let creates = (0..32).map(|i| {
        let mut body = valid_post();
        body["title"] = json!(format!("并发 {i}"));
        let req = app
            .client
            .post(app.url("/api/posts"))
            .bearer_auth(&app.token)
            .json(&body);
        tokio::spawn(req.send())
    });
    let mut statuses = Vec::new();
    for c in futures_util::future::join_all(creates).await {
        statuses.push(c.unwrap().unwrap().status().as_u16());
    }
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let page: Value = app.get("/api/posts?limit=100").await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 32);
}
