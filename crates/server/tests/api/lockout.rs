//! Login protection per user: ten failed logins in a row lock that user, not
//! another; a success starts the count again; concurrent failures all count.
use crate::helpers::{spawn_app_with, Options, TestApp, ADMIN_PASSWORD};
use reqwest::StatusCode;
use xhs_persistence::ConnectionTrait;

async fn add_operator_like_admin(app: &TestApp, name: &str) {
    app.db
        .execute_unprepared(&format!(
            "INSERT INTO operator (username, password_hash, failed_logins, created_at, updated_at) \
             SELECT '{name}', password_hash, 0, created_at, updated_at FROM operator WHERE username = 'admin'"
        ))
        .await
        .unwrap();
}

async fn status(app: &TestApp, user: &str, password: &str) -> StatusCode {
    app.login(user, password).await.status()
}

#[tokio::test]
async fn ten_wrong_passwords_lock_that_user_and_not_another() {
    let share = xhs_api::ShareSettings {
        login_per_minute: 1000,
        ..Default::default()
    };
    let app = spawn_app_with(Options {
        share,
        ..Options::default()
    })
    .await;
    add_operator_like_admin(&app, "bob").await;
    add_operator_like_admin(&app, "carol").await;

    // Nine failures, then a success: the count starts again.
    for _ in 0..9 {
        assert_eq!(
            status(&app, "admin", "wrong").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(status(&app, "admin", ADMIN_PASSWORD).await, StatusCode::OK);
    for _ in 0..10 {
        assert_eq!(
            status(&app, "admin", "wrong").await,
            StatusCode::UNAUTHORIZED
        );
    }
    let locked = app.login("admin", ADMIN_PASSWORD).await;
    assert_eq!(
        locked.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password"
    );
    let retry: u64 = locked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((890..=900).contains(&retry), "about 15 minutes: {retry}");

    // Another user is not affected, and one failure does not lock them.
    assert_eq!(status(&app, "bob", "wrong").await, StatusCode::UNAUTHORIZED);
    assert_eq!(status(&app, "bob", ADMIN_PASSWORD).await, StatusCode::OK);

    // Ten failures at once are all counted.
    let tries = (0..10).map(|_| app.login("carol", "wrong"));
    for res in futures_util::future::join_all(tries).await {
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        status(&app, "carol", ADMIN_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );

    // The lock ends by itself.
    app.db
        .execute_unprepared(
            "UPDATE operator SET locked_until = '2000-01-01 00:00:00' WHERE username = 'admin'",
        )
        .await
        .unwrap();
    assert_eq!(status(&app, "admin", ADMIN_PASSWORD).await, StatusCode::OK);
}
