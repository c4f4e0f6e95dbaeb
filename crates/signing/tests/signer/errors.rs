use std::sync::Arc;
use std::time::{Duration, Instant};

use xhs_fakes::{FakeMode, FakeXhs, SIGNATURE_ERROR_MSG};
use xhs_signing::{MemoryTokenStore, SecretString, Signer, SigningError, XhsConfig};

use crate::helpers::{closed_port_url, config, signer_for, spawn_app, APP_SECRET, TIMEOUT};

#[tokio::test]
async fn wrong_app_secret_is_rejected_with_the_fakes_message() {
    let app = spawn_app().await;
    let signer = signer_for(
        &app.fake.base_url(),
        "not-the-secret",
        TIMEOUT,
        Arc::new(MemoryTokenStore::default()),
    );

    let err = signer.access_token().await.unwrap_err();

    assert!(
        matches!(&err, SigningError::Rejected { message } if message == SIGNATURE_ERROR_MSG),
        "{err:?}"
    );
    assert_eq!(app.fake.token_fetches(), 1);
    assert_eq!(app.fake.current_token(), None);
}

#[tokio::test]
async fn wrong_app_key_is_rejected_with_the_fakes_message() {
    let fake = FakeXhs::start("red.otherAppKey", APP_SECRET).await;
    let signer = signer_for(
        &fake.base_url(),
        APP_SECRET,
        TIMEOUT,
        Arc::new(MemoryTokenStore::default()),
    );

    let err = signer.access_token().await.unwrap_err();

    assert!(
        matches!(&err, SigningError::Rejected { message } if message == SIGNATURE_ERROR_MSG),
        "{err:?}"
    );
}

#[tokio::test]
async fn rejection_carries_xhs_msg() {
    let app = spawn_app().await;
    app.fake.set_mode(FakeMode::Reject("应用未上线".to_owned()));

    let err = app.signer.verify_config().await.unwrap_err();

    assert!(
        matches!(&err, SigningError::Rejected { message } if message == "应用未上线"),
        "{err:?}"
    );
    assert!(err.to_string().contains("应用未上线"));
}

#[tokio::test]
async fn success_without_token_says_the_app_may_not_be_approved() {
    let app = spawn_app().await;
    app.fake.set_mode(FakeMode::NoToken);

    let err = app.signer.access_token().await.unwrap_err();

    let SigningError::NoToken { message } = &err else {
        panic!("expected NoToken, got {err:?}");
    };
    assert!(message.contains("not be approved"), "{message}");
    assert!(message.contains("appKey/appSecret"), "{message}");
}

#[tokio::test]
async fn slow_xhs_times_out_within_the_configured_timeout() {
    let fake = FakeXhs::start(crate::helpers::APP_KEY, APP_SECRET).await;
    fake.set_mode(FakeMode::Delay(Duration::from_secs(2)));
    let signer = signer_for(
        &fake.base_url(),
        APP_SECRET,
        Duration::from_millis(300),
        Arc::new(MemoryTokenStore::default()),
    );

    let started = Instant::now();
    let err = signer.access_token().await.unwrap_err();

    assert!(matches!(err, SigningError::Timeout), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(1500));
}

#[tokio::test]
async fn unreachable_xhs_is_a_transport_error() {
    let signer = signer_for(
        &closed_port_url(),
        APP_SECRET,
        TIMEOUT,
        Arc::new(MemoryTokenStore::default()),
    );

    let err = signer.access_token().await.unwrap_err();

    assert!(matches!(err, SigningError::Transport(_)), "{err:?}");
}

#[tokio::test]
async fn signer_without_config_is_not_configured() {
    let signer = Signer::new(None, Arc::new(MemoryTokenStore::default()));

    assert!(!signer.is_configured());
    assert_eq!(signer.app_key(), None);
    assert!(matches!(
        signer.access_token().await,
        Err(SigningError::NotConfigured)
    ));
    assert!(matches!(
        signer.verify_config().await,
        Err(SigningError::NotConfigured)
    ));
}

#[tokio::test]
async fn empty_credentials_count_as_not_configured() {
    let empty_secret = XhsConfig {
        app_secret: SecretString::from(""),
        ..config("http://127.0.0.1:9", APP_SECRET, TIMEOUT)
    };
    let empty_key = XhsConfig {
        app_key: String::new(),
        ..config("http://127.0.0.1:9", APP_SECRET, TIMEOUT)
    };

    for config in [empty_secret, empty_key] {
        let signer = Signer::new(Some(config), Arc::new(MemoryTokenStore::default()));
        assert!(!signer.is_configured());
        assert!(matches!(
            signer.verify_config().await,
            Err(SigningError::NotConfigured)
        ));
    }
}
