//! Every refusal of an upload has its own code and says whether trying the
//! same upload again can help (`retryable`): only for transient causes (a
//! full store, a rate limit), never for the file itself.
use super::jpeg;
use crate::helpers::{problem, spawn_app, spawn_app_with, Options, ADMIN_PASSWORD};
use reqwest::StatusCode;
use serde_json::Value;

fn verdict(status: StatusCode, body: &Value) -> (u16, String, bool) {
    (
        status.as_u16(),
        body["code"].as_str().unwrap_or_default().to_owned(),
        body["retryable"]
            .as_bool()
            .unwrap_or_else(|| panic!("no retryable in {body}")),
    )
}

#[tokio::test]
async fn refusals_of_the_file_itself_are_not_retryable_and_each_has_its_code() {
    let app = spawn_app_with(Options {
        media_limits: xhs_media::Limits {
            max_image_bytes: 32 * 1024,
            max_video_bytes: 32 * 1024,
        },
        ..Options::default()
    })
    .await;
    let whole = jpeg(200, 150);
    // A JPEG's first bytes, then far more than the limit.
    let mut big = vec![0xFF, 0xD8, 0xFF, 0xE0];
    big.resize(100_000, 7);
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x08mdat".to_vec();
    let cases: Vec<(&str, Vec<u8>, (u16, &str))> = vec![
        ("empty.jpg", Vec::new(), (422, "empty_file")),
        (
            "notes.jpg",
            b"just some text".to_vec(),
            (415, "unsupported_media_type"),
        ),
        (
            "cut.jpg",
            whole[..whole.len() / 2].to_vec(),
            (422, "undecodable_media"),
        ),
        ("IMG_0001.HEIC", heic, (422, "heic_undecodable")),
        ("big.jpg", big, (413, "payload_too_large")),
    ];
    for (name, bytes, (status, code)) in cases {
        let (s, body) = problem(app.upload(name, bytes).await).await;
        assert_eq!(
            verdict(s, &body),
            (status, code.to_owned(), false),
            "{name}: {body}"
        );
    }
}

#[tokio::test]
async fn a_full_store_and_a_rate_limit_are_retryable() {
    let app = spawn_app().await;
    app.state.app.media.fail_writes(true);
    let (s, body) = problem(app.upload("photo.jpg", jpeg(30, 40)).await).await;
    assert_eq!(
        verdict(s, &body),
        (507, "insufficient_storage".to_owned(), true)
    );
    app.state.app.media.fail_writes(false);

    let limited = spawn_app_with(Options {
        share: xhs_api::ShareSettings {
            login_per_minute: 1,
            ..Default::default()
        },
        ..Options::default()
    })
    .await;
    limited.login("admin", ADMIN_PASSWORD).await;
    let (s, body) = problem(limited.login("admin", ADMIN_PASSWORD).await).await;
    assert_eq!(verdict(s, &body), (429, "rate_limited".to_owned(), true));
}
