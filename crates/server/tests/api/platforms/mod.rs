//! More platforms from one link: Douyin's signed schema against a fake open
//! API, Weibo's share URL, copy kits, XHS unchanged, per-platform pre-flight,
//! and taps counted per platform.
use crate::helpers::{spawn_app_with, Options, TestApp, DOUYIN_KEY, DOUYIN_SECRET};
use md5::{Digest, Md5};
use reqwest::{Response, StatusCode};
use serde_json::Value;
use std::collections::HashMap;
use xhs_fakes::douyin::FakeDouyin;

mod douyin;
mod links;
mod status;

pub use douyin::douyin_failures;

pub(super) async fn douyin_app() -> (FakeDouyin, TestApp) {
    let fake = FakeDouyin::start(DOUYIN_KEY, DOUYIN_SECRET).await;
    let app = spawn_app_with(Options {
        douyin: Some(fake.base_url()),
        ..Options::default()
    })
    .await;
    (fake, app)
}

pub(super) async fn link(app: &TestApp, post: &Value, body: Value) -> Value {
    let res = app
        .post_json(&format!("/api/posts/{}/links", post["id"]), &body)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

pub(super) async fn handout(app: &TestApp, token: &str, platform: &str) -> Response {
    app.client
        .get(app.url(&format!("/api/share/{token}/publish?platform={platform}")))
        .send()
        .await
        .unwrap()
}

pub(super) fn query(url: &str) -> HashMap<String, String> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

/// What the Douyin app checks: md5 of the three fields with the live ticket.
pub(super) fn signed_with(q: &HashMap<String, String>, ticket: &str) -> bool {
    let plain = format!(
        "nonce_str={}&ticket={ticket}&timestamp={}",
        q["nonce_str"], q["timestamp"]
    );
    hex::encode(Md5::digest(plain.as_bytes())) == q["signature"]
}
