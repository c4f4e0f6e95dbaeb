//! The one shared-token policy, seen through both platforms: callers queued
//! behind a refresh share its one fetch and its failure, and a token that is
//! still valid is served when its early refresh fails.
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use xhs_fakes::douyin::FakeDouyin;
use xhs_fakes::FakeMode;
use xhs_signing::{
    douyin_signature, DouyinConfig, DouyinShare, DouyinSigner, MemoryTokenStore, SecretString,
    SigningError,
};

use crate::helpers::spawn_app;

const CLIENT_KEY: &str = "aw-test-client";
const CLIENT_SECRET: &str = "douyin-secret-that-must-never-print";

async fn douyin() -> (FakeDouyin, DouyinSigner) {
    let fake = FakeDouyin::start(CLIENT_KEY, CLIENT_SECRET).await;
    let config = DouyinConfig {
        client_key: CLIENT_KEY.to_owned(),
        client_secret: SecretString::from(CLIENT_SECRET),
        api_base: url::Url::parse(&fake.base_url()).unwrap(),
        timeout: Duration::from_secs(5),
    };
    let signer = DouyinSigner::new(Some(config), Arc::new(MemoryTokenStore::default()));
    (fake, signer)
}

fn share() -> DouyinShare {
    DouyinShare {
        title: "周末".to_owned(),
        hashtags: vec!["城市漫步".to_owned()],
        images: vec!["https://img.example.com/1.jpg".to_owned()],
        video: None,
    }
}

/// Whether `schema` is signed with `ticket`.
fn signed_with(schema: &str, ticket: &str) -> bool {
    let url = url::Url::parse(schema).unwrap();
    let q: HashMap<String, String> = url.query_pairs().into_owned().collect();
    q["signature"] == douyin_signature(&q["nonce_str"], ticket, &q["timestamp"])
}

#[tokio::test]
async fn xhs_callers_queued_behind_a_failing_fetch_share_it_and_its_failure() {
    let app = spawn_app().await;
    app.fake.set_mode(FakeMode::Reject("服务繁忙".to_owned()));

    // All twenty are polled once before the first fetch can answer, so
    // nineteen of them queue behind it.
    let calls = (0..20).map(|_| app.signer.access_token());
    let results = futures_util::future::join_all(calls).await;

    assert_eq!(app.fake.token_fetches(), 1, "one fetch for all");
    for result in results {
        assert!(
            matches!(&result, Err(SigningError::Rejected { message }) if message == "服务繁忙"),
            "{result:?}"
        );
    }
}

#[tokio::test]
async fn douyin_callers_queued_behind_a_failing_fetch_share_it_and_its_failure() {
    let (fake, signer) = douyin().await;
    fake.set_delay(Duration::from_millis(200));
    fake.set_error_code(10008);

    let calls = (0..20).map(|i| schema_for(&signer, i));
    let results = futures_util::future::join_all(calls).await;

    assert_eq!(
        (fake.client_token_fetches(), fake.ticket_fetches()),
        (1, 0),
        "one client-token fetch for all, and no ticket without a client token"
    );
    for result in results {
        assert!(
            matches!(&result, Err(SigningError::Rejected { message }) if message.contains("10008")),
            "{result:?}"
        );
    }

    // The failure was shared, not cached: the next call fetches again.
    fake.set_error_code(0);
    fake.set_delay(Duration::ZERO);
    let schema = signer.schema(&share(), "st").await.unwrap();
    assert_eq!((fake.client_token_fetches(), fake.ticket_fetches()), (2, 1));
    assert!(signed_with(&schema, &fake.current_ticket().unwrap()));
}

#[tokio::test]
async fn douyin_callers_queued_behind_a_fetch_share_its_ticket() {
    let (fake, signer) = douyin().await;
    fake.set_delay(Duration::from_millis(200));

    let calls = (0..20).map(|i| schema_for(&signer, i));
    let schemas = futures_util::future::join_all(calls).await;

    assert_eq!((fake.client_token_fetches(), fake.ticket_fetches()), (1, 1));
    let ticket = fake.current_ticket().unwrap();
    for schema in schemas {
        assert!(signed_with(&schema.unwrap(), &ticket));
    }
}

#[tokio::test]
async fn a_still_valid_douyin_ticket_is_served_when_its_early_refresh_fails() {
    let (fake, signer) = douyin().await;
    // A minute to live: inside the five-minute refresh margin, still valid.
    fake.set_expires_in(60);
    signer.schema(&share(), "st").await.unwrap();
    let ticket = fake.current_ticket().unwrap();
    fake.set_error_code(10008);

    let schema = signer.schema(&share(), "st").await.unwrap();

    assert_eq!(
        (fake.client_token_fetches(), fake.ticket_fetches()),
        (2, 2),
        "both were due and both refreshes were tried"
    );
    assert!(
        signed_with(&schema, &ticket),
        "signed with the ticket that is still valid"
    );
}

#[tokio::test]
async fn an_expired_douyin_ticket_is_not_served_when_its_refresh_fails() {
    let (fake, signer) = douyin().await;
    // Issued already expired: nothing to fall back on.
    fake.set_expires_in(-1);
    signer.schema(&share(), "st").await.unwrap();
    fake.set_error_code(10008);

    let result = signer.schema(&share(), "st").await;

    assert!(
        matches!(&result, Err(SigningError::Rejected { .. })),
        "{result:?}"
    );
}

/// One tap's schema, with its own `state`.
async fn schema_for(signer: &DouyinSigner, i: usize) -> Result<String, SigningError> {
    signer.schema(&share(), &format!("st{i}")).await
}
