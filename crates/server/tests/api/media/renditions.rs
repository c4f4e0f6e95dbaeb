//! A light share page (issue 21, item 5): each image comes with its
//! thumbnail and, for a very large photo, a phone-sized rendition (long edge
//! 2560 px) for the hand-off, and for any photo wider than 1080 px the
//! page's own 1080 px rendition (`screen_url`, with the thumbnail in
//! `srcset`); the original stays as uploaded.
use super::jpeg;
use crate::helpers::{spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn the_share_page_gets_a_thumbnail_a_1080_px_rendition_and_a_phone_sized_one_of_each_large_photo(
) {
    let app = spawn_app().await;
    let big_bytes = jpeg(2800, 1400);
    let big = app.upload_new("big.jpg", big_bytes.clone()).await;
    let small = app.upload_new("small.jpg", jpeg(1200, 1600)).await;
    let elsewhere = "https://img.example.com/1.jpg";
    let mut post = valid_post();
    post["image_urls"] = json!([big["url"], small["url"], elsewhere]);
    let id = app.create_post(&post).await["id"].as_i64().unwrap();
    let res = app
        .post_json(&format!("/api/posts/{id}/links"), &json!({}))
        .await;
    let token = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();

    let page: Value = app
        .client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let images = page["images"].as_array().unwrap();
    assert_eq!(images.len(), 3);
    let urls: Vec<&Value> = images.iter().map(|i| &i["url"]).collect();
    assert_eq!(
        urls,
        page["imageUrls"]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>()
    );

    let (big_img, small_img, other) = (&images[0], &images[1], &images[2]);
    assert!(big_img["thumb_url"]
        .as_str()
        .unwrap()
        .ends_with(".thumb.jpg"));
    let phone = big_img["phone_url"].as_str().unwrap();
    assert!(phone.ends_with(".phone.jpg"), "{phone}");
    assert!(small_img["thumb_url"]
        .as_str()
        .unwrap()
        .ends_with(".thumb.jpg"));
    assert_eq!(
        small_img["phone_url"], small_img["url"],
        "not larger: itself"
    );
    // Both are wider than 1080 px: each has the page's rendition.
    for img in [big_img, small_img] {
        let screen = img["screen_url"].as_str().unwrap();
        assert!(screen.ends_with(".screen.jpg"), "{screen}");
    }
    assert_eq!(
        (
            &other["thumb_url"],
            &other["phone_url"],
            &other["screen_url"]
        ),
        (&json!(elsewhere), &json!(elsewhere), &json!(elsewhere)),
        "another host's image has only itself"
    );

    // The rendition is a 2560 × 1280 JPEG (fewer pixels to send and decode);
    // the original is still served as uploaded.
    let res = app.client.get(phone).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap();
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (2560, 1280));
    let original = app
        .client
        .get(big["url"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(original.len(), big_bytes.len());
    // The page's rendition of the 1200 × 1600 photo: 1080 × 1440, a fraction of its bytes.
    let small_screen = small_img["screen_url"].as_str().unwrap();
    let bytes = app
        .client
        .get(small_screen)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1080, 1440));

    // Deleting the item removes its rendition too.
    assert!(app
        .delete(&format!("/api/posts/{id}"))
        .await
        .status()
        .is_success());
    let media_id = big["id"].as_i64().unwrap();
    let res = app.delete(&format!("/api/media/{media_id}")).await;
    assert!(res.status().is_success(), "{}", res.status());
    let files = super::files_under(&app.media_root());
    assert!(
        !files.iter().any(|f| f
            .to_string_lossy()
            .contains(&big["sha256"].as_str().unwrap()[..16])),
        "{files:?}"
    );
}
