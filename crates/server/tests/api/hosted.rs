//! Media this server hosts are stored as paths and served under the public
//! URL of the moment, so a changed PUBLIC_URL or a second instance signs
//! URLs that work.
use crate::helpers::{spawn_app, valid_post};
use crate::media::png;
use serde_json::{json, Value};
use xhs_persistence::ConnectionTrait;

async fn stored_images(app: &crate::helpers::TestApp, id: i64) -> String {
    let row = app
        .db
        .query_one(sea_orm::Statement::from_string(
            app.db.get_database_backend(),
            format!("SELECT image_urls FROM x_post WHERE id = {id}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<String>("", "image_urls").unwrap()
}

#[tokio::test]
async fn uploaded_media_are_stored_as_paths_and_read_under_the_public_url() {
    let app = spawn_app().await;
    let item = app.upload_new("a.png", png(300, 400)).await;
    let url = item["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with(&app.address), "{url}");
    let mut body = valid_post();
    body["image_urls"] = json!([url, "https://img.example.com/2.jpg"]);

    let post = app.create_post(&body).await;

    let id = post["id"].as_i64().unwrap();
    let stored = stored_images(&app, id).await;
    let path = url.strip_prefix(&app.address).unwrap();
    assert!(stored.contains(&format!("\"{path}\"")), "{stored}");
    assert!(
        !stored.contains(&app.address),
        "no host is stored: {stored}"
    );
    assert!(
        stored.contains("https://img.example.com/2.jpg"),
        "other hosts stay"
    );
    let read: Value = app
        .get(&format!("/api/posts/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(read["image_urls"][0], url.as_str());
}

#[tokio::test]
async fn a_library_item_under_an_old_public_url_is_recognised_by_its_content() {
    let app = spawn_app().await;
    let item = app.upload_new("b.png", png(300, 400)).await;
    let url = item["url"].as_str().unwrap();
    let old = url.replace(&app.address, "http://192.168.1.20:8080");
    let mut body = valid_post();
    body["image_urls"] = json!([old]);

    let post = app.create_post(&body).await;

    assert_eq!(
        post["image_urls"][0], url,
        "served under today's public URL"
    );
    let link: Value = app
        .post_json(&format!("/api/posts/{}/links", post["id"]), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let payload: Value = app
        .client
        .get(app.url(&format!(
            "/api/share/{}/publish",
            link["token"].as_str().unwrap()
        )))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(payload["shareInfo"]["images"][0], url);
}
