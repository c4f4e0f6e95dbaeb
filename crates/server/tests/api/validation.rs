use crate::helpers::{problem, spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Sends `body` to create and expects 422 naming `field` with `rule`.
async fn assert_rejected(app: &crate::helpers::TestApp, body: Value, field: &str, rule: &str) {
    let (status, p) = problem(app.post_json("/api/posts", &body).await).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{field}/{rule}: {p}"
    );
    assert_eq!(p["code"], "validation_failed");
    let errors = p["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["field"] == field && e["rule"] == rule),
        "expected {field}/{rule} in {errors:?}"
    );
}

fn with(field: &str, value: Value) -> Value {
    let mut p = valid_post();
    p[field] = value;
    p
}

#[tokio::test]
async fn each_xhs_rule_is_refused_with_422_naming_the_field_and_rule() {
    let app = spawn_app().await;
    assert_rejected(&app, with("type", json!("story")), "type", "one_of").await;
    assert_rejected(
        &app,
        with("title", json!("一".repeat(21))),
        "title",
        "max_chars",
    )
    .await;
    assert_rejected(
        &app,
        with("content", json!("字".repeat(1001))),
        "content",
        "max_chars",
    )
    .await;
    let eleven: String = (0..11).map(|i| format!("#话题{i} ")).collect();
    assert_rejected(
        &app,
        with("content", json!(eleven)),
        "content",
        "max_topics",
    )
    .await;
    assert_rejected(
        &app,
        with("image_urls", json!([])),
        "image_urls",
        "min_items",
    )
    .await;
    let nineteen: Vec<String> = (0..19)
        .map(|i| format!("https://img.example.com/{i}.jpg"))
        .collect();
    assert_rejected(
        &app,
        with("image_urls", json!(nineteen)),
        "image_urls",
        "max_items",
    )
    .await;
    assert_rejected(
        &app,
        with("image_urls", json!(["file:///etc/passwd"])),
        "image_urls[0]",
        "absolute_http_url",
    )
    .await;
    assert_rejected(
        &app,
        with(
            "image_urls",
            json!(["https://ok.example.com/a.jpg", "data:image/png;base64,AA"]),
        ),
        "image_urls[1]",
        "absolute_http_url",
    )
    .await;
    assert_rejected(
        &app,
        with("image_urls", json!(["/uploads/a.jpg"])),
        "image_urls[0]",
        "absolute_http_url",
    )
    .await;
    assert_rejected(
        &app,
        with("cover_url", json!("cover.jpg")),
        "cover_url",
        "absolute_http_url",
    )
    .await;
    assert_rejected(
        &app,
        json!({"type": "video", "title": "v", "content": ""}),
        "video_url",
        "required",
    )
    .await;
    assert_rejected(
        &app,
        json!({"type": "video", "title": "v", "video_url": "ftp://x/v.mp4"}),
        "video_url",
        "absolute_http_url",
    )
    .await;

    let list: Value = app.get("/api/posts").await.json().await.unwrap();
    assert!(
        list["items"].as_array().unwrap().is_empty(),
        "nothing invalid was stored"
    );
}

#[tokio::test]
async fn the_limits_themselves_are_accepted() {
    let app = spawn_app().await;
    let eighteen: Vec<String> = (0..18)
        .map(|i| format!("https://img.example.com/{i}.jpg"))
        .collect();
    let ten: String = (0..10).map(|i| format!("#t{i} ")).collect();
    let body = json!({"type": "normal", "title": "一".repeat(20), "content": format!("{ten}{}", "字".repeat(1000 - ten.chars().count())), "image_urls": eighteen});
    app.create_post(&body).await;
    app.create_post(
        &json!({"type": "video", "title": "", "video_url": "https://v.example.com/a.mp4"}),
    )
    .await;
}

#[tokio::test]
async fn counting_rules_carry_the_count_and_the_bound_for_translation() {
    let app = spawn_app().await;
    let (_, p) = problem(
        app.post_json("/api/posts", &with("title", json!("一".repeat(23))))
            .await,
    )
    .await;
    let e = &p["errors"][0];
    assert_eq!(
        (
            e["rule"].as_str(),
            e["actual"].as_u64(),
            e["limit"].as_u64()
        ),
        (Some("max_chars"), Some(23), Some(20))
    );
    let draft: Value = app
        .post_json("/api/preflight", &valid_post())
        .await
        .json()
        .await
        .unwrap();
    let title = draft["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "title" && c["rule"] == "max_chars")
        .unwrap();
    assert_eq!(
        (title["actual"].as_u64(), title["limit"].as_u64()),
        (Some(5), Some(20))
    );
}

#[tokio::test]
async fn every_broken_rule_is_listed_at_once() {
    let app = spawn_app().await;
    let body = json!({"type": "normal", "title": "t".repeat(30), "content": "c".repeat(1200), "image_urls": ["nope"]});
    let (_, p) = problem(app.post_json("/api/posts", &body).await).await;
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["title", "content", "image_urls[0]"]);
}

#[tokio::test]
async fn malformed_json_and_wrong_types_are_400_naming_the_field() {
    let app = spawn_app().await;
    let raw = |body: &'static str| {
        app.client
            .post(app.url("/api/posts"))
            .bearer_auth(&app.token)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let (status, p) = problem(raw("{\"type\": \"normal\", ").await.unwrap()).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad_request"))
    );

    let (status, p) = problem(raw(r#"{"type": "normal", "title": 42}"#).await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(p["errors"][0]["field"], "title");

    let (status, p) = problem(raw(r#"{"title": "no type"}"#).await.unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(p["detail"].as_str().unwrap().contains("type"), "{p}");

    let mut stale = valid_post();
    stale["version"] = json!("one");
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let (status, p) = problem(app.put_json(&format!("/api/posts/{id}"), &stale).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(p["errors"][0]["field"], "version");

    let text = app
        .client
        .post(app.url("/api/posts"))
        .bearer_auth(&app.token)
        .body("type=normal")
        .send()
        .await
        .unwrap();
    assert_eq!(
        problem(text).await.0,
        StatusCode::BAD_REQUEST,
        "a non-JSON body"
    );
}

#[tokio::test]
async fn bad_paths_and_queries_are_4xx_not_500() {
    let app = spawn_app().await;
    for (path, want) in [
        ("/api/posts/abc", StatusCode::BAD_REQUEST),
        (
            "/api/posts/99999999999999999999999",
            StatusCode::BAD_REQUEST,
        ),
        ("/api/posts?limit=abc", StatusCode::BAD_REQUEST),
        ("/api/posts?limit=0", StatusCode::UNPROCESSABLE_ENTITY),
        ("/api/posts?limit=101", StatusCode::UNPROCESSABLE_ENTITY),
        ("/api/posts?cursor=xyz", StatusCode::UNPROCESSABLE_ENTITY),
        ("/api/posts?type=story", StatusCode::UNPROCESSABLE_ENTITY),
        ("/api/nothing-here", StatusCode::NOT_FOUND),
    ] {
        let (status, _) = problem(app.get(path).await).await;
        assert_eq!(status, want, "{path}");
    }
}

#[tokio::test]
async fn an_empty_filter_is_refused_like_any_value_outside_its_enum() {
    // The document says each filter is one of its enum's values; an empty
    // value is none of them (schemathesis found `review_status=` answered 200).
    let app = spawn_app().await;
    for (path, field) in [
        ("/api/posts?review_status=", "review_status"),
        ("/api/posts?type=", "type"),
        ("/api/media?kind=", "kind"),
        ("/api/accounts?kind=", "kind"),
        ("/api/tasks?status=", "status"),
        ("/api/audit?action=", "action"),
        ("/api/audit?target_type=", "target_type"),
    ] {
        let (status, p) = problem(app.get(path).await).await;
        assert_eq!(
            (status, p["errors"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{path}"
        );
        assert_eq!(p["errors"][0]["rule"], "one_of", "{path}");
    }
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let app = spawn_app().await;
    let mut p = valid_post();
    p["content"] = json!("x".repeat(300 * 1024));
    let (status, body) = problem(app.post_json("/api/posts", &p).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large"))
    );
}
