//! The fake speaks the XHS token protocol over real HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use xhs_fakes::{ExpiresIn, FakeMode, FakeXhs, SIGNATURE_ERROR_MSG};

const KEY: &str = "red.k";
const SECRET: &str = "s3cret";

fn signature(nonce: &str, timestamp: &str, secret: &str) -> String {
    let text = format!("appKey={KEY}&nonce={nonce}&timeStamp={timestamp}{secret}");
    hex::encode(Sha256::digest(text.as_bytes()))
}

async fn post(fake: &FakeXhs, body: Value) -> Value {
    reqwest::Client::new()
        .post(format!("{}/api/sns/v1/ext/access/token", fake.base_url()))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn well_signed_request_gets_a_token_with_timestamp_as_string_or_number() {
    let fake = FakeXhs::start(KEY, SECRET).await;
    let sig = signature("n1", "1732233600000", SECRET);

    let as_string = post(
        &fake,
        json!({"app_key": KEY, "nonce": "n1", "timestamp": "1732233600000", "signature": sig}),
    )
    .await;
    let first = fake.current_token().unwrap();
    let as_number = post(
        &fake,
        json!({"app_key": KEY, "nonce": "n1", "timestamp": 1_732_233_600_000_i64, "signature": sig}),
    )
    .await;

    assert_eq!(as_string["success"], true);
    assert_eq!(as_string["data"]["access_token"], first.as_str());
    assert_eq!(as_number["success"], true);
    let second = fake.current_token().unwrap();
    assert_ne!(first, second, "each fetch issues a new token");
    assert_eq!(fake.token_fetches(), 2);
}

#[tokio::test]
async fn wrong_signature_or_app_key_gets_the_xhs_signature_error() {
    let fake = FakeXhs::start(KEY, SECRET).await;
    let good = signature("n", "1", SECRET);

    let wrong_sig = post(
        &fake,
        json!({"app_key": KEY, "nonce": "n", "timestamp": "1", "signature": signature("n", "1", "x")}),
    )
    .await;
    let wrong_key = post(
        &fake,
        json!({"app_key": "red.other", "nonce": "n", "timestamp": "1", "signature": good}),
    )
    .await;

    for answer in [wrong_sig, wrong_key] {
        assert_eq!(
            answer,
            json!({"success": false, "code": -1, "msg": SIGNATURE_ERROR_MSG, "data": null})
        );
    }
    assert_eq!(fake.current_token(), None);
    assert_eq!(fake.token_fetches(), 2);
}

#[tokio::test]
async fn missing_field_gets_success_false_naming_it() {
    let fake = FakeXhs::start(KEY, SECRET).await;

    let answer = post(
        &fake,
        json!({"app_key": KEY, "nonce": "n", "timestamp": "1"}),
    )
    .await;

    assert_eq!(answer["success"], false);
    assert!(answer["msg"].as_str().unwrap().contains("signature"));
    assert_eq!(fake.token_fetches(), 1);
}

#[tokio::test]
async fn expires_in_is_written_in_the_chosen_reading() {
    let fake = FakeXhs::start(KEY, SECRET).await;
    let body = json!({"app_key": KEY, "nonce": "n", "timestamp": "1", "signature": signature("n", "1", SECRET)});
    let now_s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;

    fake.set_mode(FakeMode::Ok(ExpiresIn::EpochMillis));
    let ms = post(&fake, body.clone()).await["data"]["expires_in"]
        .as_i64()
        .unwrap();
    fake.set_mode(FakeMode::Ok(ExpiresIn::EpochSeconds));
    let s = post(&fake, body.clone()).await["data"]["expires_in"]
        .as_i64()
        .unwrap();
    fake.set_mode(FakeMode::Ok(ExpiresIn::SecondsFromNow));
    fake.set_lifetime(60);
    let rel = post(&fake, body).await["data"]["expires_in"]
        .as_i64()
        .unwrap();

    assert!((ms / 1000 - (now_s + 86_400)).abs() < 60);
    assert!((s - (now_s + 86_400)).abs() < 60);
    assert_eq!(rel, 60);
}

#[tokio::test]
async fn reject_and_no_token_modes_answer_like_xhs() {
    let fake = FakeXhs::start(KEY, SECRET).await;
    let body = json!({"app_key": KEY, "nonce": "n", "timestamp": "1", "signature": signature("n", "1", SECRET)});

    fake.set_mode(FakeMode::Reject("应用未上线".to_owned()));
    let rejected = post(&fake, body.clone()).await;
    fake.set_mode(FakeMode::NoToken);
    let no_token = post(&fake, body).await;

    assert_eq!(rejected["success"], false);
    assert_eq!(rejected["msg"], "应用未上线");
    assert_eq!(no_token["success"], true);
    assert!(no_token["data"].get("access_token").is_none());
    assert_eq!(fake.current_token(), None);
}

#[tokio::test]
async fn page_signature_verifies_only_with_the_current_token() {
    let fake = FakeXhs::start(KEY, SECRET).await;
    let body = json!({"app_key": KEY, "nonce": "n", "timestamp": "1", "signature": signature("n", "1", SECRET)});
    post(&fake, body.clone()).await;
    let old = fake.current_token().unwrap();
    let page_sig = signature("p", "2", &old);
    assert!(fake.verify_page_signature(KEY, "p", "2", &page_sig));
    assert!(!fake.verify_page_signature(KEY, "p", "3", &page_sig));

    post(&fake, body).await;

    assert!(!fake.verify_page_signature(KEY, "p", "2", &page_sig));
}

#[actix_web::test]
async fn fake_starts_under_the_actix_test_runtime() {
    let fake = FakeXhs::start(KEY, SECRET).await;
    let body = json!({"app_key": KEY, "nonce": "n", "timestamp": "1", "signature": signature("n", "1", SECRET)});

    let answer = post(&fake, body).await;

    assert_eq!(answer["success"], true);
}
