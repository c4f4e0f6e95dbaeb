//! A link that serves a variant (a campaign deals them to people): the
//! share page, XHS's signed payload and Douyin's schema carry the variant
//! laid over the note; an edit of the variant shows on the next load (the
//! link cache is cleared); deleted, the link serves the note again.
use super::{add, json_of, note};
use crate::helpers::{
    problem, spawn_app_with, Options, TestApp, APP_KEY, DOUYIN_KEY, DOUYIN_SECRET,
};
use crate::platforms::{handout, query, signed_with};
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};
use xhs_fakes::douyin::FakeDouyin;

/// Douyin configured and the link cache on (a minute), so a stale entry
/// would show.
async fn app() -> (FakeDouyin, TestApp) {
    let fake = FakeDouyin::start(DOUYIN_KEY, DOUYIN_SECRET).await;
    let app = spawn_app_with(Options {
        douyin: Some(fake.base_url()),
        settings: Some(|s| s.cache.link_ttl_ms = 60_000),
        ..Options::default()
    })
    .await;
    (fake, app)
}

async fn page(app: &TestApp, token: &str) -> Value {
    let res = app
        .client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap();
    json_of(res, StatusCode::OK).await
}

async fn link(app: &TestApp, post: i64, body: Value) -> Value {
    let res = app
        .post_json(&format!("/api/posts/{post}/links"), &body)
        .await;
    json_of(res, StatusCode::CREATED).await
}

const IMAGES: [&str; 2] = [
    "https://img.example.com/v1.jpg",
    "https://img.example.com/v2.jpg",
];

#[tokio::test]
async fn a_link_with_a_variant_serves_its_title_and_images_on_every_platform() {
    let (fake, app) = app().await;
    let post = note(&app).await;
    let v = add(
        &app,
        post,
        json!({"label": "B", "title": "变体的标题", "image_urls": IMAGES}),
    )
    .await;
    let l = link(&app, post, json!({"variant_id": v["id"]})).await;
    assert_eq!(
        (l["variant_id"].clone(), l["variant_label"].as_str()),
        (v["id"].clone(), Some("B"))
    );
    let plain = link(&app, post, json!({})).await;
    assert_eq!(plain["variant_id"], Value::Null);
    let token = l["token"].as_str().unwrap();

    let p = page(&app, token).await;
    assert_eq!(p["title"], "变体的标题");
    assert_eq!(p["content"], "三条路线 #城市漫步 #周末 ", "the note's body");
    assert_eq!(p["imageUrls"], json!(IMAGES));
    let other = page(&app, plain["token"].as_str().unwrap()).await;
    assert_eq!(other["title"], "周末去哪儿", "a link without one: the note");

    let x: Value = handout(&app, token, "xhs").await.json().await.unwrap();
    let d = &x["data"];
    assert!(app.fake.verify_page_signature(
        APP_KEY,
        d["nonce"].as_str().unwrap(),
        &d["timestamp"].to_string(),
        d["signature"].as_str().unwrap()
    ));
    assert_eq!(x["shareInfo"]["title"], "变体的标题");
    assert_eq!(x["shareInfo"]["images"], json!(IMAGES));

    let dy: Value = handout(&app, token, "douyin").await.json().await.unwrap();
    let q = query(dy["url"].as_str().unwrap());
    assert!(signed_with(&q, &fake.current_ticket().unwrap()));
    assert_eq!(q["title"], "变体的标题");
    assert_eq!(
        q["image_list_path"],
        serde_json::to_string(&IMAGES).unwrap()
    );

    // The people table names the variant.
    let people = json_of(
        app.get(&format!("/api/posts/{post}/people")).await,
        StatusCode::OK,
    )
    .await;
    let labels: Vec<Value> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["variant_label"].clone())
        .collect();
    assert_eq!(labels, [Value::Null, json!("B")], "newest first");
}

#[tokio::test]
async fn a_variant_edit_shows_at_once_and_a_deleted_variant_falls_back_to_the_note() {
    let (_fake, app) = app().await;
    let post = note(&app).await;
    let v = add(&app, post, json!({"label": "B", "title": "第一版"})).await;
    let id = v["id"].as_i64().unwrap();
    let token = link(&app, post, json!({"variant_id": id})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(page(&app, &token).await["title"], "第一版");
    // Behind the server's back the cache still answers: it is on.
    app.db
        .execute_unprepared(&format!(
            "UPDATE x_post_variant SET title = '偷改' WHERE id = {id}"
        ))
        .await
        .unwrap();
    assert_eq!(page(&app, &token).await["title"], "第一版");

    let path = format!("/api/posts/{post}/variants/{id}");
    let res = app
        .put_json(&path, &json!({"label": "B", "title": "第二版"}))
        .await;
    json_of(res, StatusCode::OK).await;
    assert_eq!(page(&app, &token).await["title"], "第二版");

    assert_eq!(app.delete(&path).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(page(&app, &token).await["title"], "周末去哪儿");
    let links = json_of(
        app.get(&format!("/api/posts/{post}/links")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(links[0]["variant_id"], Value::Null, "set to NULL");
}

#[tokio::test]
async fn a_variant_of_another_note_is_refused_naming_the_field() {
    let (_fake, app) = app().await;
    let post = note(&app).await;
    let other = note(&app).await;
    let v = add(&app, other, json!({"label": "B", "title": "别的"})).await;
    for bad in [v["id"].clone(), json!(999_999)] {
        let res = app
            .post_json(
                &format!("/api/posts/{post}/links"),
                &json!({"variant_id": bad}),
            )
            .await;
        let (status, p) = problem(res).await;
        assert_eq!(
            (status, p["errors"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("variant_id"))
        );
    }
}
