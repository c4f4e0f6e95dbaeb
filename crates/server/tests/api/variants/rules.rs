//! A variant is checked as a note is, and its label is unique per note.
use super::{add, json_of, listed, note, post_of};
use crate::helpers::{problem, spawn_app};
use reqwest::StatusCode;
use serde_json::json;

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
