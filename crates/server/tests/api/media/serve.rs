use crate::helpers::{spawn_app, spawn_app_with, Options, TestApp};
use reqwest::StatusCode;
use xhs_fakes::Moto;
use xhs_media::{sample, S3Config, StoreConfig};

/// Full and ranged reads of an uploaded video, as a phone's player makes them.
async fn ranges_return_exactly_the_requested_bytes(app: &TestApp) {
    let bytes = sample::mp4(720, 1280, 200_000);
    let len = bytes.len();
    let item = app.upload_new("clip.mp4", bytes.clone()).await;
    let url = item["url"].as_str().unwrap();
    let get = |range: Option<String>| {
        let mut req = app.client.get(url);
        if let Some(r) = range {
            req = req.header("range", r);
        }
        req.send()
    };

    let full = get(None).await.unwrap();
    assert_eq!(full.status(), StatusCode::OK);
    let h = full.headers().clone();
    assert_eq!(h["content-type"], "video/mp4");
    assert_eq!(h["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(h["accept-ranges"], "bytes");
    let etag = h["etag"].to_str().unwrap().to_owned();
    assert_eq!(full.bytes().await.unwrap(), bytes);

    let part = get(Some("bytes=100-199".into())).await.unwrap();
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 100-199/{len}")
    );
    assert_eq!(part.bytes().await.unwrap(), &bytes[100..200]);

    let suffix = get(Some("bytes=-10".into())).await.unwrap();
    assert_eq!(suffix.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(suffix.bytes().await.unwrap(), &bytes[len - 10..]);

    let open = get(Some(format!("bytes={}-", len - 5))).await.unwrap();
    assert_eq!(
        open.headers()["content-range"],
        format!("bytes {}-{}/{len}", len - 5, len - 1)
    );
    assert_eq!(open.bytes().await.unwrap(), &bytes[len - 5..]);

    let beyond = get(Some(format!("bytes={len}-"))).await.unwrap();
    assert_eq!(beyond.status(), StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(beyond.headers()["content-range"], format!("bytes */{len}"));

    let cached = app
        .client
        .get(url)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), StatusCode::NOT_MODIFIED);
    let head = app.client.head(url).send().await.unwrap();
    assert_eq!(
        (
            head.status(),
            head.headers()["content-length"].to_str().unwrap()
        ),
        (StatusCode::OK, len.to_string().as_str())
    );
}

#[tokio::test]
async fn range_requests_on_the_local_store_return_exactly_the_right_bytes() {
    let app = spawn_app().await;
    ranges_return_exactly_the_requested_bytes(&app).await;
}

#[tokio::test]
async fn media_on_s3_is_uploaded_and_served_with_ranges_alike() {
    let moto = Moto::start();
    moto.create_bucket("app-media");
    let spool = tempfile::tempdir().unwrap();
    let app = spawn_app_with(Options {
        media_store: Some(StoreConfig::S3 {
            s3: S3Config {
                bucket: "app-media".into(),
                endpoint: Some(moto.endpoint()),
                region: "us-east-1".into(),
                access_key_id: "test".into(),
                secret_access_key: "s3-secret-that-must-not-leak".into(),
                allow_http: true,
                virtual_hosted_style: false,
            },
            spool_dir: spool.path().to_owned(),
        }),
        ..Options::default()
    })
    .await;
    ranges_return_exactly_the_requested_bytes(&app).await;
    assert!(
        super::files_under(&app.media_root()).is_empty(),
        "nothing stored locally"
    );
    assert!(
        super::files_under(spool.path()).is_empty(),
        "the spool is cleaned up"
    );
    assert!(!crate::helpers::captured_logs().contains("s3-secret-that-must-not-leak"));
}

#[tokio::test]
async fn only_keys_the_library_makes_are_served() {
    let app = spawn_app().await;
    for path in [
        "/media/..%2F..%2Fetc%2Fpasswd",
        "/media/ab/..%2F..%2Fsecret.jpg",
        "/media/ab/cdef.jpg",
        &format!("/media/ab/ab{}.jpg", "0".repeat(62)),
    ] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}
