use crate::helpers::{
    captured_logs, problem, spawn_app, spawn_app_with, valid_post, Options, APP_KEY, APP_SECRET,
};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;
use xhs_fakes::FakeMode;

#[tokio::test]
async fn the_publish_payload_is_signed_with_the_access_token_xhs_issued() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await;
    let res = app.get(&format!("/api/post/publish/{}", post["id"])).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body: Value = res.json().await.unwrap();

    let data = &body["data"];
    assert_eq!(data["appKey"], APP_KEY);
    let ts = data["timestamp"].as_i64().expect("timestamp is a number");
    assert!(
        (chrono::Utc::now().timestamp_millis() - ts).abs() < 60_000,
        "milliseconds, now"
    );
    let nonce = data["nonce"].as_str().unwrap();
    assert!(
        !nonce.is_empty() && nonce.len() <= 32 && nonce.chars().all(|c| c.is_ascii_alphanumeric())
    );
    assert!(
        app.fake.verify_page_signature(
            APP_KEY,
            nonce,
            &ts.to_string(),
            data["signature"].as_str().unwrap()
        ),
        "the fake XHS accepts the signature with its current token"
    );
    assert_eq!(
        body["shareInfo"],
        json!({
            "type": "normal",
            "title": "周末去哪儿",
            "content": "三条路线 #城市漫步 #周末 ",
            "images": ["https://img.example.com/1.jpg", "https://img.example.com/2.jpg"],
            "cover": "https://img.example.com/1.jpg"
        })
    );
}

#[tokio::test]
async fn a_video_payload_carries_the_video_and_its_cover() {
    let app = spawn_app().await;
    let post = app
        .create_post(&json!({"type": "video", "title": "vlog", "content": "c", "video_url": "https://v.example.com/a.mp4", "cover_url": "https://img.example.com/c.jpg"}))
        .await;
    let body: Value = app
        .get(&format!("/api/post/publish/{}", post["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["shareInfo"]["video"], "https://v.example.com/a.mp4");
    assert_eq!(body["shareInfo"]["cover"], "https://img.example.com/c.jpg");
}

#[tokio::test]
async fn fifty_concurrent_publishes_fetch_the_token_once() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let path = format!("/api/post/publish/{id}");
    let responses = futures_util::future::join_all((0..50).map(|_| app.get(&path))).await;
    let mut nonces = std::collections::HashSet::new();
    for res in responses {
        assert_eq!(res.status(), StatusCode::OK);
        let b: Value = res.json().await.unwrap();
        let d = &b["data"];
        assert!(app.fake.verify_page_signature(
            APP_KEY,
            d["nonce"].as_str().unwrap(),
            &d["timestamp"].to_string(),
            d["signature"].as_str().unwrap()
        ));
        nonces.insert(d["nonce"].as_str().unwrap().to_owned());
    }
    assert_eq!(app.fake.token_fetches(), 1);
    assert_eq!(nonces.len(), 50, "each page load is signed afresh");
}

#[tokio::test]
async fn the_token_is_kept_in_the_database_for_other_instances() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    app.get(&format!("/api/post/publish/{id}")).await;
    let row = xhs_persistence::tokens::load(&app.db, APP_KEY)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(Some(row.access_token), app.fake.current_token());
}

#[tokio::test]
async fn without_credentials_publish_is_503_xhs_not_configured() {
    let app = spawn_app_with(Options {
        configured: false,
        ..Options::default()
    })
    .await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let (status, p) = problem(app.get(&format!("/api/post/publish/{id}")).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("xhs_not_configured"))
    );
    assert_eq!(app.fake.token_fetches(), 0);
}

#[tokio::test]
async fn a_refusal_from_xhs_is_502_whose_message_goes_to_the_log_not_the_answer() {
    let app = spawn_app().await;
    app.fake.set_mode(FakeMode::Reject("应用未审核通过".into()));
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let (status, p) = problem(app.get(&format!("/api/post/publish/{id}")).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::BAD_GATEWAY, Some("xhs_rejected"))
    );
    assert!(
        !p["detail"].as_str().unwrap().contains("应用未审核通过"),
        "{p}"
    );
    assert!(crate::helpers::captured_logs().contains("应用未审核通过"));

    app.fake.set_mode(FakeMode::NoToken);
    let (status, p) = problem(app.get(&format!("/api/post/publish/{id}")).await).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert!(!p["detail"].as_str().unwrap().contains("approved"), "{p}");
    assert!(
        crate::helpers::captured_logs().contains("approved"),
        "the log says why"
    );
}

#[tokio::test]
async fn a_silent_xhs_is_504() {
    let app = spawn_app_with(Options {
        timeout: Duration::from_millis(300),
        ..Options::default()
    })
    .await;
    app.fake.set_mode(FakeMode::Delay(Duration::from_secs(3)));
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let (status, p) = problem(app.get(&format!("/api/post/publish/{id}")).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::GATEWAY_TIMEOUT, Some("xhs_timeout"))
    );
}

#[tokio::test]
async fn preview_speaks_the_articles_camel_case() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let p: Value = app
        .get(&format!("/api/post/preview/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(p["imageUrls"][0], "https://img.example.com/1.jpg");
    assert!(
        p.get("coverUrl").is_some()
            && p.get("createdAt").is_some()
            && p.get("image_urls").is_none()
    );
}

#[tokio::test]
async fn no_response_or_log_line_carries_the_app_secret_or_the_access_token() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let mut bodies = String::new();
    for path in [
        format!("/api/post/publish/{id}"),
        format!("/api/post/preview/{id}"),
        format!("/api/posts/{id}"),
        "/api/posts".into(),
        "/api/auth/me".into(),
        "/api-docs/openapi.json".into(),
    ] {
        bodies.push_str(&app.get(&path).await.text().await.unwrap());
    }
    app.fake.set_mode(FakeMode::Reject("bad".into()));
    let token = app.fake.current_token().expect("a token was issued");
    let logs = captured_logs();
    assert!(logs.contains("post created"), "the log capture works");
    for secret in [
        APP_SECRET,
        token.as_str(),
        crate::helpers::ADMIN_PASSWORD,
        app.token.as_str(),
    ] {
        assert!(!bodies.contains(secret), "a response carries a secret");
        assert!(!logs.contains(secret), "a log line carries a secret");
    }
}

#[tokio::test]
async fn two_instances_sharing_a_database_fetch_the_token_once() {
    use std::sync::Arc;
    use xhs_signing::{SecretString, Signer, XhsConfig};
    let app = spawn_app().await;
    // A slow XHS widens the window in which both instances see no token.
    app.fake
        .set_mode(FakeMode::Delay(Duration::from_millis(400)));
    let instance = || {
        let config = XhsConfig {
            app_key: APP_KEY.into(),
            app_secret: SecretString::from(APP_SECRET),
            api_base: url::Url::parse(&app.fake.base_url()).unwrap(),
            timeout: Duration::from_secs(3),
        };
        Signer::new(
            Some(config),
            Arc::new(xhs_app::DbTokenStore::new(app.db.clone())),
        )
    };
    let (a, b) = (instance(), instance());
    let calls = (0..20).map(|i| {
        if i % 2 == 0 {
            a.verify_config()
        } else {
            b.verify_config()
        }
    });
    let results = futures_util::future::join_all(calls).await;
    assert_eq!(
        app.fake.token_fetches(),
        1,
        "the database lease lets one instance fetch"
    );
    for vc in results.into_iter().map(Result::unwrap) {
        assert!(app.fake.verify_page_signature(
            APP_KEY,
            &vc.nonce,
            &vc.timestamp.to_string(),
            &vc.signature
        ));
    }
}
