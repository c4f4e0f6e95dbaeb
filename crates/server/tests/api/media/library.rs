use super::{files_under, jpeg, png};
use crate::helpers::{problem, spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_media::sample;

#[tokio::test]
async fn the_library_lists_newest_first_a_page_at_a_time_and_by_kind() {
    let app = spawn_app().await;
    let a = app.upload_new("a.png", png(20, 20)).await;
    let b = app.upload_new("b.jpg", jpeg(30, 20)).await;
    let v = app.upload_new("v.mp4", sample::mp4(64, 64, 1000)).await;

    let page: Value = app.get("/api/media?limit=2").await.json().await.unwrap();
    let ids: Vec<_> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].clone())
        .collect();
    assert_eq!(ids, [v["id"].clone(), b["id"].clone()]);
    let next = page["next_cursor"].as_str().unwrap();
    let rest: Value = app
        .get(&format!("/api/media?limit=2&cursor={next}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rest["items"][0]["id"], a["id"]);
    assert!(rest["next_cursor"].is_null());

    let videos: Value = app.get("/api/media?kind=video").await.json().await.unwrap();
    assert_eq!(videos["items"].as_array().unwrap().len(), 1);
    let (status, body) = problem(app.get("/api/media?kind=gif").await).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("kind"))
    );

    let one: Value = app
        .get(&format!("/api/media/{}", a["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(one, a);
}

#[tokio::test]
async fn deleting_media_a_post_uses_is_refused_until_the_post_is_deleted() {
    let app = spawn_app().await;
    let item = app.upload_new("cover.jpg", jpeg(300, 400)).await;
    let path = format!("/api/media/{}", item["id"]);
    let mut post = valid_post();
    post["image_urls"] = json!([item["url"]]);
    let post_id = app.create_post(&post).await["id"].as_i64().unwrap();

    let (status, body) = problem(app.delete(&path).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("media_in_use"))
    );
    assert_eq!(app.get(&path).await.status(), StatusCode::OK, "still there");

    app.delete(&format!("/api/posts/{post_id}")).await;
    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
    let file = app
        .client
        .get(item["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), StatusCode::NOT_FOUND);
    assert!(
        files_under(&app.media_root()).is_empty(),
        "the file and its thumbnail are gone"
    );
}

#[tokio::test]
async fn preflight_warns_about_a_square_image_narrower_than_1080() {
    let app = spawn_app().await;
    let square = app.upload_new("square.png", png(1000, 1000)).await;
    let good = app.upload_new("portrait.jpg", jpeg(1080, 1440)).await;
    let mut post = valid_post();
    post["image_urls"] = json!([good["url"], square["url"]]);
    let id = app.create_post(&post).await["id"].as_i64().unwrap();

    let warnings = |v: Value| -> Vec<(String, String)> {
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| {
                c["level"] == "warning" && c["field"].as_str().unwrap().starts_with("image_urls")
            })
            .filter(|c| c["rule"] != "reachable_from_phone" && c["rule"] != "https")
            .map(|c| {
                (
                    c["field"].as_str().unwrap().to_owned(),
                    c["rule"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let expected = [
        ("image_urls[1]".to_owned(), "aspect_ratio".to_owned()),
        ("image_urls[1]".to_owned(), "min_width".to_owned()),
    ];
    let stored: Value = app
        .get(&format!("/api/posts/{id}/preflight"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(warnings(stored.clone()), expected);
    assert_eq!(stored["ok"], true, "advice, not errors");
    let draft: Value = app
        .post_json("/api/preflight", &post)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(warnings(draft), expected);
}
