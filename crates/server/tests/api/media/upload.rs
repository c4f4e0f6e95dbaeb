//! Uploads that are kept: stored under their hash whatever the name, once
//! per content, measured, with a thumbnail; and only for operators.
use super::{files_under, jpeg, png, sha256};
use crate::helpers::spawn_app;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use xhs_media::sample;
use xhs_persistence::entities::media;

#[tokio::test]
async fn a_filename_with_dot_dots_cannot_escape_the_storage_directory() {
    let app = spawn_app().await;
    let bytes = png(64, 48);
    let item = app.upload_new("../../etc/passwd", bytes.clone()).await;
    let hash = sha256(&bytes);
    let key = format!("{}/{hash}.png", &hash[..2]);
    assert_eq!(item["url"], format!("{}/media/{key}", app.address));
    assert_eq!(item["original_name"], "passwd");
    assert_eq!(std::fs::read(app.media_root().join(&key)).unwrap(), bytes);
    // Everything the upload wrote is inside the store, and none of it is named after the client.
    let root = app.media_root();
    for f in files_under(app.media_tmp.path()) {
        assert!(f.starts_with(&root), "{} is outside the store", f.display());
        assert!(!f.to_string_lossy().contains("passwd"), "{}", f.display());
    }
}

#[tokio::test]
async fn the_same_file_uploaded_twice_is_one_item() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let app = spawn_app().await;
    let bytes = jpeg(120, 160);
    let first = app.upload_new("a.jpg", bytes.clone()).await;
    let res = app.upload("renamed copy.jpg", bytes).await;
    assert_eq!(res.status(), StatusCode::OK);
    let second: serde_json::Value = res.json().await.unwrap();
    assert_eq!(second["id"], first["id"]);
    assert_eq!(second["url"], first["url"]);
    assert_eq!(media::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn an_image_is_measured_and_gets_a_small_jpeg_thumbnail() {
    let app = spawn_app().await;
    let item = app.upload_new("wide.png", png(1000, 750)).await;
    assert_eq!(
        (item["kind"].as_str(), item["mime"].as_str()),
        (Some("image"), Some("image/png"))
    );
    assert_eq!(
        (item["width"].as_i64(), item["height"].as_i64()),
        (Some(1000), Some(750))
    );
    let thumb = app
        .client
        .get(item["thumbnail_url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    let img = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert_eq!((img.width(), img.height()), (320, 240));
}

#[tokio::test]
async fn an_mp4_video_is_accepted_with_its_size() {
    let app = spawn_app().await;
    let item = app
        .upload_new("clip.mov", sample::mp4(1080, 1920, 20_000))
        .await;
    assert_eq!(
        (item["kind"].as_str(), item["mime"].as_str()),
        (Some("video"), Some("video/mp4"))
    );
    assert_eq!(
        (item["width"].as_i64(), item["height"].as_i64()),
        (Some(1080), Some(1920))
    );
    assert!(
        item["url"].as_str().unwrap().ends_with(".mp4"),
        "the extension follows the content"
    );
    assert!(item["thumbnail_url"].is_null());
}

#[tokio::test]
async fn uploads_and_the_library_need_a_login_but_files_do_not() {
    let app = spawn_app().await;
    let item = app.upload_new("a.png", png(10, 10)).await;
    let id = item["id"].as_i64().unwrap();
    let anon = reqwest::Client::new();
    let form = Form::new().part("file", Part::bytes(png(8, 8)).file_name("b.png"));
    let statuses = [
        anon.post(app.url("/api/media"))
            .multipart(form)
            .send()
            .await
            .unwrap()
            .status(),
        anon.get(app.url("/api/media"))
            .send()
            .await
            .unwrap()
            .status(),
        anon.get(app.url(&format!("/api/media/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        anon.delete(app.url(&format!("/api/media/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
    ];
    assert_eq!(statuses, [StatusCode::UNAUTHORIZED; 4]);
    let file = anon
        .get(item["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(file.status(), StatusCode::OK);
}
