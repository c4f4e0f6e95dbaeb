use std::sync::Arc;
use std::time::Duration;

use xhs_fakes::FakeMode;
use xhs_signing::{MemoryTokenStore, Signer, SigningError};

use crate::helpers::{closed_port_url, config, signer_for, spawn_app, APP_SECRET, TIMEOUT};

fn assert_hides(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "{text:?} shows a secret");
    }
}

#[tokio::test]
async fn token_debug_never_shows_the_token() {
    let app = spawn_app().await;

    let token = app.signer.access_token().await.unwrap();

    let token_value = app.fake.current_token().unwrap();
    assert_hides(&format!("{token:?}"), &[&token_value]);
    assert_hides(&format!("{:?}", app.signer), &[&token_value, APP_SECRET]);
    assert_hides(
        &format!("{:?}", config(&app.fake.base_url(), APP_SECRET, TIMEOUT)),
        &[APP_SECRET],
    );
}

#[tokio::test]
async fn no_signing_error_shows_the_secret_or_the_token() {
    let app = spawn_app().await;
    // Issue a token first so there is one that could leak into later errors.
    app.signer.access_token().await.unwrap();
    let token = app.fake.current_token().unwrap();
    let fresh = || {
        signer_for(
            &app.fake.base_url(),
            APP_SECRET,
            Duration::from_millis(300),
            Arc::new(MemoryTokenStore::default()),
        )
    };

    let mut errors: Vec<SigningError> = Vec::new();
    app.fake.set_mode(FakeMode::Reject("nope".to_owned()));
    errors.push(fresh().access_token().await.unwrap_err());
    app.fake.set_mode(FakeMode::NoToken);
    errors.push(fresh().access_token().await.unwrap_err());
    app.fake.set_mode(FakeMode::Delay(Duration::from_secs(1)));
    errors.push(fresh().access_token().await.unwrap_err());
    let wrong_secret = signer_for(
        &app.fake.base_url(),
        "wrong-secret-value",
        TIMEOUT,
        Arc::new(MemoryTokenStore::default()),
    );
    errors.push(wrong_secret.access_token().await.unwrap_err());
    let unreachable = signer_for(
        &closed_port_url(),
        APP_SECRET,
        TIMEOUT,
        Arc::new(MemoryTokenStore::default()),
    );
    errors.push(unreachable.access_token().await.unwrap_err());
    let unconfigured = Signer::new(None, Arc::new(MemoryTokenStore::default()));
    errors.push(unconfigured.access_token().await.unwrap_err());
    errors.push(SigningError::Store("db down".to_owned()));

    assert!(matches!(errors[0], SigningError::Rejected { .. }));
    assert!(matches!(errors[1], SigningError::NoToken { .. }));
    assert!(matches!(errors[2], SigningError::Timeout));
    assert!(matches!(errors[4], SigningError::Transport(_)));
    for err in &errors {
        assert_hides(
            &err.to_string(),
            &[APP_SECRET, "wrong-secret-value", &token],
        );
        assert_hides(
            &format!("{err:?}"),
            &[APP_SECRET, "wrong-secret-value", &token],
        );
    }
}
