//! Login protection: ten failed logins in a row from one address lock that
//! username at that address, not another user and not another address; a
//! success starts the count again; concurrent failures all count; unknown
//! names are counted and refused like known ones; a name attacked from many
//! addresses is slowed, not locked.
use crate::helpers::{problem, spawn_app_with, Options, TestApp, ADMIN_PASSWORD};
use reqwest::StatusCode;
use serde_json::json;
use std::time::{Duration, Instant};
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

    // That the lock ends by itself, and holds one address only, is below
    // and in the guard's unit tests.
}

/// An app that reads client addresses from `X-Forwarded-For`.
async fn behind_proxy(settings: Option<fn(&mut xhs_server::Settings)>) -> TestApp {
    spawn_app_with(Options {
        share: xhs_api::ShareSettings {
            login_per_minute: 1000,
            trust_forwarded_for: true,
            ..Default::default()
        },
        settings,
        ..Options::default()
    })
    .await
}

async fn login_from(app: &TestApp, from: &str, user: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/auth/login"))
        .header("x-forwarded-for", from)
        .json(&json!({"username": user, "password": password}))
        .send()
        .await
        .unwrap()
}

/// A lock's 429: its Retry-After is the lock's 15 minutes, not the
/// per-minute limit's seconds.
fn assert_locked(res: reqwest::Response, name: &str) {
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{name}");
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((890..=900).contains(&retry), "{name}: locked for {retry} s");
}

#[tokio::test]
async fn a_lock_holds_one_address_so_nobody_locks_admin_out_from_outside() {
    let app = behind_proxy(None).await;
    for _ in 0..10 {
        let res = login_from(&app, "203.0.113.7", "admin", "wrong").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    assert_locked(
        login_from(&app, "203.0.113.7", "admin", ADMIN_PASSWORD).await,
        "admin",
    );

    let owner = login_from(&app, "198.51.100.1", "admin", ADMIN_PASSWORD).await;
    assert_eq!(owner.status(), StatusCode::OK, "the owner, from elsewhere");
}

#[tokio::test]
async fn an_unknown_username_is_refused_counted_and_timed_like_a_known_one() {
    let app = behind_proxy(None).await;
    let (known, k) = problem(login_from(&app, "203.0.113.1", "admin", "wrong").await).await;
    let (unknown, u) = problem(login_from(&app, "203.0.113.1", "nobody", "wrong").await).await;
    assert_eq!(
        (known, &k["code"], &k["detail"]),
        (unknown, &u["code"], &u["detail"])
    );

    // The same counting: the tenth failure in a row locks either name.
    for name in ["admin", "nobody"] {
        for _ in 0..10 {
            login_from(&app, "203.0.113.2", name, "wrong").await;
        }
        assert_locked(login_from(&app, "203.0.113.2", name, "wrong").await, name);
    }

    // The same work: an unknown name is checked against a dummy hash, so it
    // is not refused in a fraction of the time (argon2 takes tens of ms, a
    // refusal without it about one). Medians of five, alternating, from
    // fresh addresses.
    let mut times = [Vec::new(), Vec::new()];
    for i in 0..5 {
        for (j, name) in ["admin", "nobody"].iter().enumerate() {
            let started = Instant::now();
            login_from(&app, &format!("198.51.100.{i}"), name, "wrong").await;
            times[j].push(started.elapsed());
        }
    }
    for t in &mut times {
        t.sort();
    }
    let (known, unknown) = (times[0][2], times[1][2]);
    assert!(unknown * 3 >= known, "known {known:?}, unknown {unknown:?}");
}

#[tokio::test]
async fn a_username_failing_from_many_addresses_is_slowed_not_locked() {
    let app = behind_proxy(Some(|s| s.auth.slow_after = 5)).await;
    for i in 0..6 {
        let res = login_from(&app, &format!("203.0.113.{i}"), "admin", "wrong").await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let started = Instant::now();
    let owner = login_from(&app, "198.51.100.1", "admin", ADMIN_PASSWORD).await;
    assert_eq!(owner.status(), StatusCode::OK, "slowed, not locked");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "each attempt waits"
    );
}
