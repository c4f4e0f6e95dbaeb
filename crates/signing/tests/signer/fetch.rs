use xhs_fakes::{ExpiresIn, FakeMode};
use xhs_signing::{ExposeSecret, TokenStore};

use crate::helpers::{assert_about_a_day_from_now, spawn_app, APP_KEY};

async fn fetch_with(expires: ExpiresIn) {
    // Arrange
    let app = spawn_app().await;
    app.fake.set_mode(FakeMode::Ok(expires));

    // Act
    let token = app.signer.access_token().await.unwrap();

    // Assert
    assert_eq!(
        Some(token.value.expose_secret().to_owned()),
        app.fake.current_token()
    );
    assert_about_a_day_from_now(token.expires_at);
    assert_eq!(app.fake.token_fetches(), 1);
}

#[tokio::test]
async fn token_is_fetched_when_expires_in_is_epoch_millis() {
    fetch_with(ExpiresIn::EpochMillis).await;
}

#[tokio::test]
async fn token_is_fetched_when_expires_in_is_epoch_seconds() {
    fetch_with(ExpiresIn::EpochSeconds).await;
}

#[tokio::test]
async fn token_is_fetched_when_expires_in_is_seconds_from_now() {
    fetch_with(ExpiresIn::SecondsFromNow).await;
}

#[tokio::test]
async fn fetched_token_is_saved_to_the_store() {
    let app = spawn_app().await;

    let token = app.signer.access_token().await.unwrap();

    let stored = app.store.load(APP_KEY).await.unwrap().unwrap();
    assert_eq!(stored.value.expose_secret(), token.value.expose_secret());
    assert_eq!(stored.expires_at, token.expires_at);
}

#[tokio::test]
async fn configured_signer_reports_its_app_key() {
    let app = spawn_app().await;

    assert!(app.signer.is_configured());
    assert_eq!(app.signer.app_key(), Some(APP_KEY));
}
