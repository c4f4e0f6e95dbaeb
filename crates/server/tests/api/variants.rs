//! Variants of a note (issue 19 item 2): overrides of the note's fields
//! checked as a note is, part of its versions and its review.
use crate::helpers::{count_rows, problem, spawn_app, valid_post, TestApp};
use crate::teams::{add_user, audit_entries, login_as};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

async fn json_of(res: Response, want: StatusCode) -> Value {
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, want, "{body}");
    body
}

async fn note(app: &TestApp) -> i64 {
    app.create_post(&valid_post()).await["id"].as_i64().unwrap()
}

async fn add(app: &TestApp, post: i64, body: Value) -> Value {
    let res = app
        .post_json(&format!("/api/posts/{post}/variants"), &body)
        .await;
    json_of(res, StatusCode::CREATED).await
}

async fn listed(app: &TestApp, post: i64) -> Value {
    json_of(
        app.get(&format!("/api/posts/{post}/variants")).await,
        StatusCode::OK,
    )
    .await
}

async fn post_of(app: &TestApp, post: i64) -> Value {
    json_of(app.get(&format!("/api/posts/{post}")).await, StatusCode::OK).await
}

#[tokio::test]
async fn a_variant_overrides_some_fields_and_leaves_the_rest_to_the_note() {
    let app = spawn_app().await;
    let post = note(&app).await;

    let a = add(&app, post, json!({"label": "A", "title": "品牌号版本"})).await;
    assert_eq!(a["label"], "A");
    assert_eq!(a["title"], "品牌号版本");
    assert_eq!(
        (a["content"].clone(), a["image_urls"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(
        (a["position"].as_i64(), a["post_version"].as_i64()),
        (Some(1), Some(2))
    );
    // Blank fields and no images fall back too.
    let b = add(
        &app,
        post,
        json!({"label": "B", "content": "另一种说法 #周末 ", "title": "  ", "image_urls": []}),
    )
    .await;
    assert_eq!(
        (b["title"].clone(), b["image_urls"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(b["position"], 2);

    let list = listed(&app, post).await;
    let labels: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["A", "B"]);
    assert_eq!(list["post_version"], 3);
    assert_eq!(post_of(&app, post).await["version"], 3);

    let id = a["id"].as_i64().unwrap();
    let path = format!("/api/posts/{post}/variants/{id}");
    let images = json!(["https://img.example.com/a1.jpg"]);
    let res = app
        .put_json(&path, &json!({"label": "A2", "image_urls": images}))
        .await;
    let a = json_of(res, StatusCode::OK).await;
    // Replaced: the title it no longer gives falls back to the note's.
    assert_eq!(
        (a["label"].as_str(), a["title"].clone()),
        (Some("A2"), Value::Null)
    );
    assert_eq!(a["image_urls"], images);
    assert_eq!(a["position"], 1);

    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    let (status, p) = problem(app.delete(&path).await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("variant"))
    );
    let (status, _) = problem(app.put_json(&path, &json!({"label": "x"})).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        listed(&app, post).await["items"].as_array().unwrap().len(),
        1
    );

    let actions = audit_entries(&app, "target_type=post").await;
    let details: Vec<&str> = actions
        .iter()
        .filter_map(|e| e["detail"].as_str())
        .filter(|d| d.starts_with("variant"))
        .collect();
    assert_eq!(
        details,
        [
            "variant 'A2' deleted",
            "variant 'A2' changed",
            "variant 'B' added",
            "variant 'A' added"
        ]
    );
}

#[tokio::test]
async fn each_broken_rule_is_a_422_naming_the_field_and_the_variant() {
    let app = spawn_app().await;
    let post = note(&app).await;
    let many: Vec<String> = (0..19)
        .map(|i| format!("https://img.example.com/{i}.jpg"))
        .collect();
    let cases = [
        (
            json!({"label": "长标题", "title": "题".repeat(21)}),
            "title",
            "max_chars",
        ),
        (
            json!({"label": "长正文", "content": "字".repeat(1001)}),
            "content",
            "max_chars",
        ),
        (
            json!({"label": "坏图", "image_urls": ["not a url"]}),
            "image_urls[0]",
            "absolute_http_url",
        ),
        (
            json!({"label": "多图", "image_urls": many}),
            "image_urls",
            "max_items",
        ),
        (
            json!({"label": "坏封面", "cover_url": "ftp://x/y.jpg"}),
            "cover_url",
            "absolute_http_url",
        ),
        (
            json!({"label": " ", "title": "好标题"}),
            "label",
            "required",
        ),
        (json!({"label": "签".repeat(31)}), "label", "max_chars"),
    ];
    for (body, field, rule) in cases {
        let label = body["label"].as_str().unwrap().trim().to_owned();
        let (status, p) = problem(
            app.post_json(&format!("/api/posts/{post}/variants"), &body)
                .await,
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let e = &p["errors"][0];
        assert_eq!(
            (e["field"].as_str(), e["rule"].as_str()),
            (Some(field), Some(rule)),
            "{p}"
        );
        let message = e["message"].as_str().unwrap();
        if !label.is_empty() && field != "label" {
            assert!(message.contains(&format!("'{label}'")), "{message}");
        }
    }
    // Nothing was half-made: the note did not move on either.
    assert_eq!(listed(&app, post).await["items"], json!([]));
    assert_eq!(post_of(&app, post).await["version"], 1);
}

#[tokio::test]
async fn a_label_is_taken_in_any_ascii_case_within_one_note_only() {
    let app = spawn_app().await;
    let (post, other) = (note(&app).await, note(&app).await);
    add(&app, post, json!({"label": "Brand"})).await;
    let b = add(&app, post, json!({"label": "Test"})).await;
    let (status, p) = problem(
        app.post_json(
            &format!("/api/posts/{post}/variants"),
            &json!({"label": " brand "}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        (
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["rule"].as_str()
        ),
        (Some("label"), Some("unique"))
    );
    let path = format!("/api/posts/{post}/variants/{}", b["id"]);
    let (status, p) = problem(app.put_json(&path, &json!({"label": "BRAND"})).await).await;
    assert_eq!(
        (status, p["errors"][0]["rule"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unique"))
    );
    // Another note may use the label; a variant may keep its own.
    add(&app, other, json!({"label": "Brand"})).await;
    let res = app.put_json(&path, &json!({"label": "test"})).await;
    assert_eq!(json_of(res, StatusCode::OK).await["label"], "test");
}

#[tokio::test]
async fn changing_a_variant_of_an_approved_note_sends_it_back_to_draft() {
    let app = spawn_app().await;
    let post = note(&app).await;
    for step in ["submit", "approve"] {
        let res = app
            .post_json(&format!("/api/posts/{post}/{step}"), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{step}");
    }
    assert_eq!(post_of(&app, post).await["review_status"], "approved");
    let v = add(&app, post, json!({"label": "A", "title": "新标题"})).await;
    assert_eq!(post_of(&app, post).await["review_status"], "draft");

    for step in ["submit", "approve"] {
        let res = app
            .post_json(&format!("/api/posts/{post}/{step}"), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{step}");
    }
    let path = format!("/api/posts/{post}/variants/{}", v["id"]);
    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(post_of(&app, post).await["review_status"], "draft");
}

#[tokio::test]
async fn a_version_keeps_the_variants_and_restoring_it_brings_them_back() {
    let app = spawn_app().await;
    let post = note(&app).await;
    let a = add(&app, post, json!({"label": "A", "title": "甲版本"})).await;
    let path = format!("/api/posts/{post}/variants/{}", a["id"]);
    let res = app
        .put_json(&path, &json!({"label": "A", "title": "乙版本"}))
        .await;
    assert_eq!(json_of(res, StatusCode::OK).await["post_version"], 3);

    let versions = json_of(
        app.get(&format!("/api/posts/{post}/versions")).await,
        StatusCode::OK,
    )
    .await;
    let notes: Vec<Value> = versions["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["note"].clone())
        .collect();
    assert_eq!(
        notes,
        [
            json!("variant 'A' changed"),
            json!("variant 'A' added"),
            Value::Null
        ]
    );
    let v2 = json_of(
        app.get(&format!("/api/posts/{post}/versions/2")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(v2["variants"][0]["title"], "甲版本");
    assert_eq!(v2["variants"][0]["content"], Value::Null);
    let v1 = json_of(
        app.get(&format!("/api/posts/{post}/versions/1")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(v1["variants"], json!([]));

    let diff = json_of(
        app.get(&format!("/api/posts/{post}/diff?from=2&to=3"))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(diff["fields"].as_array().unwrap().len(), 1, "{diff}");
    assert_eq!(diff["fields"][0]["field"], "variants");
    assert_eq!(diff["fields"][0]["before"], "[A]\ntitle: 甲版本");
    assert_eq!(diff["fields"][0]["after"], "[A]\ntitle: 乙版本");

    let res = app
        .post_json(&format!("/api/posts/{post}/versions/2/restore"), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let list = listed(&app, post).await;
    assert_eq!(list["items"][0]["title"], "甲版本");
    assert_eq!(list["post_version"], 4);
    let res = app
        .post_json(&format!("/api/posts/{post}/versions/1/restore"), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(listed(&app, post).await["items"], json!([]));
}

#[tokio::test]
async fn deleting_the_note_deletes_its_variants() {
    let app = spawn_app().await;
    let (post, kept) = (note(&app).await, note(&app).await);
    add(&app, post, json!({"label": "A"})).await;
    add(&app, post, json!({"label": "B"})).await;
    add(&app, kept, json!({"label": "A"})).await;
    assert_eq!(count_rows(&app.db, "x_post_variant").await, 3);
    assert_eq!(
        app.delete(&format!("/api/posts/{post}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let (status, p) = problem(app.get(&format!("/api/posts/{post}/variants")).await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("post"))
    );
    assert_eq!(count_rows(&app.db, "x_post_variant").await, 1);
}

#[tokio::test]
async fn viewers_read_variants_and_only_operators_change_them() {
    let app = spawn_app().await;
    let post = note(&app).await;
    let v = add(&app, post, json!({"label": "A"})).await;
    add_user(&app, "viewer1", "viewer").await;
    add_user(&app, "operator1", "operator").await;
    let viewer = login_as(&app, "viewer1").await;
    let base = format!("/api/posts/{post}/variants");
    let one = format!("{base}/{}", v["id"]);
    assert_eq!(viewer.get(&base).await.status(), StatusCode::OK);
    let body = json!({"label": "B"});
    for (method, path) in [
        (Method::POST, &base),
        (Method::PUT, &one),
        (Method::DELETE, &one),
    ] {
        let (status, p) = problem(viewer.send(method.clone(), path, Some(&body)).await).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("forbidden")),
            "{method} {path}"
        );
    }
    let operator = login_as(&app, "operator1").await;
    let res = operator.post_json(&base, &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = operator.send(Method::DELETE, &one, None).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let audit = audit_entries(&app, "actor=operator1").await;
    let details: Vec<&str> = audit
        .iter()
        .filter_map(|e| e["detail"].as_str())
        .filter(|d| d.starts_with("variant"))
        .collect();
    assert_eq!(
        details,
        ["variant 'A' deleted", "variant 'B' added"],
        "{audit:?}"
    );
}

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
