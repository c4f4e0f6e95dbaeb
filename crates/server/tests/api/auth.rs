use crate::helpers::{problem, spawn_app, ADMIN_PASSWORD};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn every_operator_endpoint_answers_401_without_a_valid_token() {
    let app = spawn_app().await;
    let post = app.create_post(&crate::helpers::valid_post()).await;
    let id = post["id"].as_i64().unwrap();
    let paths = [
        ("GET", "/api/posts".to_owned()),
        ("POST", "/api/posts".to_owned()),
        ("GET", format!("/api/posts/{id}")),
        ("PUT", format!("/api/posts/{id}")),
        ("DELETE", format!("/api/posts/{id}")),
        ("GET", format!("/api/posts/{id}/preflight")),
        ("POST", "/api/preflight".to_owned()),
        ("GET", format!("/api/post/preview/{id}")),
        ("GET", format!("/api/post/publish/{id}")),
        ("GET", "/api/auth/me".to_owned()),
        ("POST", "/api/auth/logout".to_owned()),
    ];
    for (method, path) in paths {
        for auth in [
            None,
            Some("Bearer not-a-real-token"),
            Some("Basic YWRtaW46YWRtaW4="),
        ] {
            let mut req = app.client.request(method.parse().unwrap(), app.url(&path));
            if let Some(a) = auth {
                req = req.header("authorization", a);
            }
            let (status, body) = problem(req.send().await.unwrap()).await;
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "{method} {path} with {auth:?}"
            );
            assert_eq!(body["code"], "unauthorized");
        }
    }
    let still_there = app.get(&format!("/api/posts/{id}")).await;
    assert_eq!(
        still_there.status(),
        StatusCode::OK,
        "the unauthenticated DELETE removed nothing"
    );
}

#[tokio::test]
async fn login_with_a_wrong_password_or_unknown_user_is_refused_alike() {
    let app = spawn_app().await;
    for (user, pass) in [("admin", "wrong"), ("nobody", ADMIN_PASSWORD)] {
        let (status, body) = problem(app.login(user, pass).await).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["code"], "invalid_credentials");
    }
}

#[tokio::test]
async fn a_session_identifies_its_operator_until_logout() {
    let app = spawn_app().await;
    let me: Value = app.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me["username"], "admin");
    assert!(me["expires_at"].as_str().is_some());

    let res = app
        .client
        .post(app.url("/api/auth/logout"))
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/auth/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_session_token_is_stored_only_as_a_hash() {
    use sea_orm::EntityTrait;
    use xhs_persistence::entities::operator_session;
    let app = spawn_app().await;
    let rows = operator_session::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_ne!(rows[0].token_hash, app.token);
    assert_eq!(rows[0].token_hash.len(), 64);
}

#[tokio::test]
async fn an_expired_session_is_refused() {
    use sea_orm::{sea_query::Expr, EntityTrait};
    use xhs_persistence::entities::operator_session;
    let app = spawn_app().await;
    operator_session::Entity::update_many()
        .col_expr(
            operator_session::Column::ExpiresAt,
            Expr::value(xhs_persistence::now_utc() - chrono::Duration::seconds(1)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(
        app.get("/api/auth/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn password_guessing_is_slowed_down_with_429() {
    let app = spawn_app().await;
    let mut statuses = Vec::new();
    // A new name each time: no name fails ten times here, so only the
    // per-address limit acts (a name is locked per address, known or not).
    for i in 0..35 {
        statuses.push(app.login(&format!("nobody{i}"), "guess").await.status());
    }
    assert_eq!(statuses[0], StatusCode::UNAUTHORIZED);
    let limited = statuses
        .iter()
        .position(|s| *s == StatusCode::TOO_MANY_REQUESTS)
        .expect("30 a minute are allowed, not 35");
    assert!(
        limited >= 25,
        "the first attempts are answered normally ({limited})"
    );
    let (status, p) = problem(app.login("admin", ADMIN_PASSWORD).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited")),
        "even the right password waits"
    );
}

#[tokio::test]
async fn the_login_answer_carries_no_store() {
    let app = crate::helpers::spawn_app().await;
    let res = app.login("admin", crate::helpers::ADMIN_PASSWORD).await;
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    assert_eq!(
        res.headers()["cache-control"],
        "no-store",
        "a token must not be cached"
    );
}
