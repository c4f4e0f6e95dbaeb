use std::collections::HashSet;
use std::sync::Arc;

use chrono::Utc;

use xhs_signing::MemoryTokenStore;

use crate::helpers::{signer_for, spawn_app, APP_KEY, APP_SECRET, TIMEOUT};

#[tokio::test]
async fn verify_config_is_signed_with_the_current_token() {
    let app = spawn_app().await;

    let vc = app.signer.verify_config().await.unwrap();

    assert_eq!(vc.app_key, APP_KEY);
    assert!(app.fake.verify_page_signature(
        &vc.app_key,
        &vc.nonce,
        &vc.timestamp.to_string(),
        &vc.signature
    ));
}

#[tokio::test]
async fn verify_config_is_signed_with_the_token_not_the_app_secret() {
    let app = spawn_app().await;
    let vc = app.signer.verify_config().await.unwrap();

    // A signer with its own store fetches a new token, which replaces ours.
    let other = signer_for(
        &app.fake.base_url(),
        APP_SECRET,
        TIMEOUT,
        Arc::new(MemoryTokenStore::default()),
    );
    other.access_token().await.unwrap();

    assert!(!app.fake.verify_page_signature(
        &vc.app_key,
        &vc.nonce,
        &vc.timestamp.to_string(),
        &vc.signature
    ));
}

#[tokio::test]
async fn each_verify_config_has_a_new_nonce_and_a_current_timestamp() {
    let app = spawn_app().await;

    let mut nonces = HashSet::new();
    for _ in 0..20 {
        let vc = app.signer.verify_config().await.unwrap();
        assert!((Utc::now().timestamp_millis() - vc.timestamp).abs() < 10_000);
        assert!(nonces.insert(vc.nonce));
    }

    assert_eq!(app.fake.token_fetches(), 1);
}

#[tokio::test]
async fn verify_config_serializes_camel_case_with_a_numeric_timestamp() {
    let app = spawn_app().await;

    let vc = app.signer.verify_config().await.unwrap();
    let json = serde_json::to_value(&vc).unwrap();

    let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["appKey", "nonce", "signature", "timestamp"]);
    assert_eq!(json["timestamp"].as_i64(), Some(vc.timestamp));
}
