//! Douyin's signed schema against the fake open API, and Weibo beside it.
use super::{douyin_app, handout, link, query, signed_with};
use crate::helpers::{problem, spawn_app_with, valid_post, Options, DOUYIN_KEY, DOUYIN_SECRET};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

#[tokio::test]
async fn twenty_taps_at_once_fetch_one_client_token_and_one_ticket_and_each_schema_verifies() {
    let (fake, app) = douyin_app().await;
    fake.set_delay(Duration::from_millis(300));
    let post = app.create_post(&valid_post()).await;
    let l = link(&app, &post, json!({})).await;
    assert_eq!(
        l["platforms"],
        json!(["xhs", "douyin", "weibo", "kuaishou", "bilibili", "channels"]),
        "by default every configured platform the note passes"
    );
    let token = l["token"].as_str().unwrap().to_owned();
    let calls = (0..20).map(|_| handout(&app, &token, "douyin"));
    let answers = futures_util::future::join_all(calls).await;
    assert_eq!((fake.client_token_fetches(), fake.ticket_fetches()), (1, 1));
    let ticket = fake.current_ticket().unwrap();
    let mut nonces = std::collections::HashSet::new();
    for res in answers {
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["platform"], "douyin");
        assert_eq!(body["handoff"], "schema");
        let url = body["url"].as_str().unwrap();
        assert!(url.starts_with("snssdk1128://openplatform/share?"), "{url}");
        let q = query(url);
        assert!(signed_with(&q, &ticket), "{url}");
        assert_eq!(q["client_key"], DOUYIN_KEY);
        assert_eq!(q["share_type"], "h5");
        assert_eq!(q["title"], "周末去哪儿");
        assert_eq!(q["hashtag_list"], r#"["城市漫步","周末"]"#);
        assert_eq!(
            q["image_list_path"],
            r#"["https://img.example.com/1.jpg","https://img.example.com/2.jpg"]"#
        );
        let secs: i64 = q["timestamp"].parse().unwrap();
        assert!(
            (secs - chrono::Utc::now().timestamp()).abs() < 30,
            "seconds"
        );
        assert!(
            !q["state"].is_empty() && !url.contains(&token),
            "the token stays ours"
        );
        assert!(!url.contains(DOUYIN_SECRET) && !url.contains(&ticket));
        nonces.insert(q["nonce_str"].clone());
    }
    assert_eq!(nonces.len(), 20, "a fresh nonce per tap");

    // A second instance on the same database takes the shared ticket.
    let second = spawn_app_with(Options {
        douyin: Some(fake.base_url()),
        database_url: Some(app.db_url.clone()),
        ..Options::default()
    })
    .await;
    let res = handout(&second, &token, "douyin").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!((fake.client_token_fetches(), fake.ticket_fetches()), (1, 1));
}

#[tokio::test]
async fn a_video_note_goes_to_douyin_as_video_path_and_weibo_gets_a_link_card() {
    let (_fake, app) = douyin_app().await;
    let post = app
        .create_post(&json!({
            "type": "video", "title": "开箱", "content": "新品 #开箱 ",
            "video_url": "https://v.example.com/a.mp4", "cover_url": "https://img.example.com/c.jpg"
        }))
        .await;
    let token = link(&app, &post, json!({"platforms": ["douyin", "weibo"]})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let d: Value = handout(&app, &token, "douyin").await.json().await.unwrap();
    let q = query(d["url"].as_str().unwrap());
    assert_eq!(q["video_path"], "https://v.example.com/a.mp4");
    assert!(!q.contains_key("image_list_path"));

    let w: Value = handout(&app, &token, "weibo").await.json().await.unwrap();
    assert_eq!(
        (w["handoff"].as_str(), w["platform"].as_str()),
        (Some("url"), Some("weibo"))
    );
    let url = url::Url::parse(w["url"].as_str().unwrap()).unwrap();
    assert_eq!(
        (url.host_str(), url.path()),
        (Some("service.weibo.com"), "/share/share.php")
    );
    let q = query(w["url"].as_str().unwrap());
    assert_eq!(q["url"], format!("{}/s/{token}", app.address));
    assert_eq!(q["title"], "开箱 #开箱#");
    assert_eq!(q["pic"], "https://img.example.com/c.jpg");

    // XHS is not offered by this link.
    let (status, p) = problem(handout(&app, &token, "xhs").await).await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("platform"))
    );
}

/// Douyin refusing, hanging and unreachable, and not configured: the four
/// `platform_*` problems (for the error-code census), none carrying Douyin's
/// own words.
pub async fn douyin_failures() -> Vec<Response> {
    let (fake, app) = douyin_app().await;
    let post = app.create_post(&valid_post()).await;
    let token = link(&app, &post, json!({})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    fake.set_error_code(10003);
    let rejected = handout(&app, &token, "douyin").await;
    fake.set_error_code(0);
    fake.set_delay(Duration::from_secs(5));
    let slow = spawn_app_with(Options {
        douyin: Some(fake.base_url()),
        database_url: Some(app.db_url.clone()),
        timeout: Duration::from_millis(300),
        ..Options::default()
    })
    .await;
    let timeout = handout(&slow, &token, "douyin").await;
    let closed = spawn_app_with(Options {
        douyin: Some("http://127.0.0.1:9".into()),
        database_url: Some(app.db_url.clone()),
        ..Options::default()
    })
    .await;
    let unreachable = handout(&closed, &token, "douyin").await;
    let bare = spawn_app_with(Options {
        database_url: Some(app.db_url.clone()),
        ..Options::default()
    })
    .await;
    vec![
        rejected,
        timeout,
        unreachable,
        handout(&bare, &token, "douyin").await,
    ]
}

#[tokio::test]
async fn douyin_failures_are_502_504_502_503_without_upstream_words() {
    let mut got = Vec::new();
    for res in douyin_failures().await {
        let (status, p) = problem(res).await;
        let detail = p["detail"].as_str().unwrap().to_owned();
        assert!(
            !detail.contains("fake refusal") && !detail.contains("127.0.0.1"),
            "{detail}"
        );
        got.push((status.as_u16(), p["code"].as_str().unwrap().to_owned()));
    }
    assert_eq!(
        got,
        vec![
            (502, "platform_rejected".into()),
            (504, "platform_timeout".into()),
            (502, "platform_unavailable".into()),
            (503, "platform_not_configured".into()),
        ]
    );
}
