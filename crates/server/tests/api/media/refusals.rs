//! What the library refuses: wrong types (415), truncated files (422) and
//! uploads over the limit (413, before the body is all read).
use super::{files_under, jpeg};
use crate::helpers::{problem, spawn_app, spawn_app_with, Options};
use futures_util::stream;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::json;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use xhs_media::{sample, Limits};

#[tokio::test]
async fn a_text_file_named_jpg_is_refused_as_unsupported() {
    let app = spawn_app().await;
    let res = app
        .upload("photo.jpg", b"just some text, honest".to_vec())
        .await;
    let (status, body) = problem(res).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Some("unsupported_media_type")
        )
    );
    assert!(files_under(&app.media_root()).is_empty());
}

#[tokio::test]
async fn an_iphone_heic_photo_is_kept_as_a_jpeg_of_the_same_size_and_a_broken_one_is_refused() {
    let app = spawn_app().await;
    // 96x64, four coloured quadrants (see xhs-media's heic.rs).
    let heic = include_bytes!("../../../../media/fixtures/quadrants.heic").to_vec();
    let item = app.upload_new("IMG_0001.HEIC", heic).await;
    assert_eq!(
        (&item["mime"], &item["width"], &item["height"]),
        (&json!("image/jpeg"), &json!(96), &json!(64)),
        "{item}"
    );
    assert!(item["url"].as_str().unwrap().ends_with(".jpg"), "{item}");
    let served = app
        .client
        .get(item["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let bytes = served.bytes().await.unwrap();
    let img = image::load_from_memory(&bytes).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (96, 64));
    assert!(
        img.get_pixel(10, 10).0[0] > 150,
        "red stays top left: {:?}",
        img.get_pixel(10, 10)
    );
    assert!(
        img.get_pixel(10, 54).0[2] > 150,
        "blue bottom left: {:?}",
        img.get_pixel(10, 54)
    );

    let broken = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x08mdat".to_vec();
    let (status, body) = problem(app.upload("IMG_0002.HEIC", broken).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("heic_undecodable")),
        "{body}"
    );
    let kept = files_under(&app.media_root());
    assert_eq!(kept.len(), 2, "the JPEG and its thumbnail only: {kept:?}");
}

#[tokio::test]
async fn a_truncated_jpeg_or_video_is_refused_as_undecodable() {
    let app = spawn_app().await;
    let whole = jpeg(200, 150);
    let cut = whole[..whole.len() / 2].to_vec();
    let (status, body) = problem(app.upload("cut.jpg", cut).await).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("undecodable_media"))
    );
    let video = sample::mp4(640, 480, 50_000);
    let (status, _) = problem(app.upload("cut.mp4", video[..30_000].to_vec()).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(files_under(&app.media_root()).is_empty(), "nothing kept");
}

#[tokio::test]
async fn an_upload_over_the_limit_is_refused_with_413_before_it_is_all_read() {
    let app = spawn_app_with(Options {
        media_limits: Limits {
            max_image_bytes: 64 * 1024,
            max_video_bytes: 128 * 1024,
        },
        ..Options::default()
    })
    .await;
    // A JPEG's first bytes (so it sniffs as an image) and then 64 MiB more,
    // produced lazily and counted, sent chunked (no length up front). The
    // stream stops at 8 MiB until the answer is in: a server that read the
    // whole body before refusing would never answer, however fast or slow
    // the machine. (Measuring the bytes sent when the answer arrived raced
    // with the machine's load.)
    const TOTAL: u64 = 64 * 1024 * 1024;
    const BEFORE_ANSWER: u64 = 8 * 1024 * 1024;
    const CHUNK: u64 = 65_536;
    let sent = Arc::new(AtomicU64::new(0));
    let (answered, gate) = tokio::sync::watch::channel(false);
    // Closed when the stream is dropped: the client has stopped sending.
    let (alive, mut gone) = tokio::sync::mpsc::channel::<()>(1);
    let head = jpeg(32, 32)[..64].to_vec();
    let counter = sent.clone();
    let chunks = stream::unfold((0u64, gate, alive), move |(i, mut gate, alive)| {
        let counter = counter.clone();
        let head = head.clone();
        async move {
            if i >= TOTAL / CHUNK {
                return None;
            }
            if counter.load(Ordering::Relaxed) >= BEFORE_ANSWER {
                gate.wait_for(|a| *a).await.ok()?;
                // After the answer, a client on a fast line (~10 MiB/s): a
                // server that drains takes it all within seconds.
                tokio::time::sleep(std::time::Duration::from_millis(6)).await;
            }
            let chunk = if i == 0 {
                head
            } else {
                vec![0x55u8; CHUNK as usize]
            };
            counter.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            Some((Ok::<_, std::io::Error>(chunk), (i + 1, gate, alive)))
        }
    });
    let form = Form::new().part(
        "file",
        Part::stream(reqwest::Body::wrap_stream(chunks)).file_name("big.jpg"),
    );
    let res = tokio::time::timeout(
        std::time::Duration::from_secs(120),
        app.client
            .post(app.url("/api/media"))
            .bearer_auth(&app.token)
            .multipart(form)
            .send(),
    )
    .await
    .expect("answered while the rest of the body was held back")
    .unwrap();
    let (status, body) = problem(res).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large"))
    );
    // Let the client go on: the server closes the connection (after at most
    // its one-second linger) rather than reading (draining) the rest of the
    // body, so the stream is dropped long before its end.
    answered.send_replace(true);
    tokio::time::timeout(std::time::Duration::from_secs(120), gone.recv())
        .await
        .expect("the client stopped sending");
    let produced = sent.load(Ordering::Relaxed);
    assert!(
        produced < TOTAL / 2,
        "the server read on after its answer: {produced} of {TOTAL} bytes"
    );
    assert!(
        files_under(&app.media_root()).is_empty(),
        "the partial upload is gone"
    );

    // With a declared length, it is refused before the body is read at all.
    let huge = 300 * 1024 * 1024;
    let filler =
        stream::iter((0..huge / 65_536).map(|_| Ok::<_, std::io::Error>(vec![0u8; 65_536])));
    let part =
        Part::stream_with_length(reqwest::Body::wrap_stream(filler), huge).file_name("v.mp4");
    let res = app
        .client
        .post(app.url("/api/media"))
        .bearer_auth(&app.token)
        .multipart(Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_full_media_store_answers_507_keeps_nothing_and_works_again_once_space_returns() {
    let app = spawn_app().await;
    let photo = jpeg(300, 400);
    app.state.app.media.fail_writes(true);

    let (status, body) = problem(app.upload("photo.jpg", photo.clone()).await).await;

    assert_eq!(
        (status, body["code"].as_str()),
        (
            StatusCode::INSUFFICIENT_STORAGE,
            Some("insufficient_storage")
        )
    );
    assert!(
        !body.to_string().contains("os error"),
        "the cause stays in the log: {body}"
    );
    assert!(files_under(&app.media_root()).is_empty(), "no partial file");
    let list: serde_json::Value = app.get("/api/media").await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 0, "no row");

    app.state.app.media.fail_writes(false);
    let res = app.upload("photo.jpg", photo).await;
    assert_eq!(res.status(), StatusCode::CREATED, "space is back");
}
