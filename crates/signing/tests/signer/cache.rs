use std::sync::Arc;

use tokio::task::JoinSet;
use xhs_fakes::FakeMode;
use xhs_signing::{ExposeSecret, MemoryTokenStore, TokenStore};

use crate::helpers::{signer_for, spawn_app, APP_SECRET, TIMEOUT};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_verify_configs_fetch_one_token_and_all_verify() {
    let app = spawn_app().await;

    let mut calls = JoinSet::new();
    for _ in 0..50 {
        let signer = Arc::clone(&app.signer);
        calls.spawn(async move { signer.verify_config().await });
    }
    let results = calls.join_all().await;

    assert_eq!(app.fake.token_fetches(), 1);
    assert_eq!(results.len(), 50);
    for result in results {
        let vc = result.unwrap();
        assert!(app.fake.verify_page_signature(
            &vc.app_key,
            &vc.nonce,
            &vc.timestamp.to_string(),
            &vc.signature
        ));
    }
}

#[tokio::test]
async fn fresh_token_is_reused_without_another_fetch() {
    let app = spawn_app().await;

    let first = app.signer.access_token().await.unwrap();
    let second = app.signer.access_token().await.unwrap();

    assert_eq!(app.fake.token_fetches(), 1);
    assert_eq!(first.value.expose_secret(), second.value.expose_secret());
}

#[tokio::test]
async fn two_signers_sharing_a_store_fetch_once() {
    let app = spawn_app().await;
    let other_instance = signer_for(&app.fake.base_url(), APP_SECRET, TIMEOUT, app.store.clone());

    let a = app.signer.verify_config().await.unwrap();
    let b = other_instance.verify_config().await.unwrap();

    assert_eq!(app.fake.token_fetches(), 1);
    for vc in [a, b] {
        assert!(app.fake.verify_page_signature(
            &vc.app_key,
            &vc.nonce,
            &vc.timestamp.to_string(),
            &vc.signature
        ));
    }
}

#[tokio::test]
async fn two_cold_instances_asking_at_once_fetch_once() {
    let app = spawn_app().await;
    // A slow XHS widens the window in which both instances see no token.
    app.fake.set_mode(xhs_fakes::FakeMode::Delay(
        std::time::Duration::from_millis(400),
    ));
    let other_instance = signer_for(&app.fake.base_url(), APP_SECRET, TIMEOUT, app.store.clone());

    let calls = (0..20).map(|i| {
        let signer = if i % 2 == 0 {
            &app.signer
        } else {
            &other_instance
        };
        signer.verify_config()
    });
    let results = futures_util::future::join_all(calls).await;

    assert_eq!(
        app.fake.token_fetches(),
        1,
        "the store's lease lets one instance fetch"
    );
    for vc in results.into_iter().map(Result::unwrap) {
        assert!(app.fake.verify_page_signature(
            &vc.app_key,
            &vc.nonce,
            &vc.timestamp.to_string(),
            &vc.signature
        ));
    }
}

#[tokio::test]
async fn token_near_expiry_is_refreshed_on_the_next_call() {
    let app = spawn_app().await;
    app.fake.set_lifetime(60);
    let old = app.signer.access_token().await.unwrap();

    let vc = app.signer.verify_config().await.unwrap();

    assert_eq!(app.fake.token_fetches(), 2);
    let new = app.fake.current_token().unwrap();
    assert_ne!(old.value.expose_secret(), new);
    assert!(app.fake.verify_page_signature(
        &vc.app_key,
        &vc.nonce,
        &vc.timestamp.to_string(),
        &vc.signature
    ));
    let stored = app.store.load(&vc.app_key).await.unwrap().unwrap();
    assert_eq!(stored.value.expose_secret(), new);
}

#[tokio::test]
async fn token_near_expiry_is_still_served_when_the_refresh_fails() {
    let app = spawn_app().await;
    app.fake.set_lifetime(60);
    let old = app.signer.access_token().await.unwrap();
    app.fake.set_mode(FakeMode::Reject("服务繁忙".to_owned()));

    let token = app.signer.access_token().await.unwrap();

    assert_eq!(app.fake.token_fetches(), 2);
    assert_eq!(token.value.expose_secret(), old.value.expose_secret());
}

#[tokio::test]
async fn a_failed_fetch_is_retried_on_the_next_call() {
    let app = spawn_app().await;
    app.fake.set_mode(FakeMode::Reject("服务繁忙".to_owned()));
    assert!(app.signer.access_token().await.is_err());
    app.fake
        .set_mode(FakeMode::Ok(xhs_fakes::ExpiresIn::EpochMillis));

    let token = app.signer.access_token().await.unwrap();

    assert_eq!(app.fake.token_fetches(), 2);
    assert_eq!(
        Some(token.value.expose_secret().to_owned()),
        app.fake.current_token()
    );
}

#[tokio::test]
async fn a_fresh_token_in_the_store_is_used_without_fetching() {
    let app = spawn_app().await;
    let seeded = app.signer.access_token().await.unwrap();
    let store = Arc::new(MemoryTokenStore::default());
    store.save(crate::helpers::APP_KEY, &seeded).await.unwrap();
    let restarted = signer_for(&app.fake.base_url(), APP_SECRET, TIMEOUT, store);

    let token = restarted.access_token().await.unwrap();

    assert_eq!(app.fake.token_fetches(), 1);
    assert_eq!(token.value.expose_secret(), seeded.value.expose_secret());
}
