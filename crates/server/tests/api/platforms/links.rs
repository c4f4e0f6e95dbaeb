//! What a link offers, XHS unchanged, copy kits, pre-flight and counts per platform.
use super::{douyin_app, handout, link};
use crate::helpers::{problem, spawn_app_with, valid_post, Options};
use crate::share::event;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashMap;

#[tokio::test]
async fn xhs_stays_the_default_and_keeps_its_fields_and_every_handout_says_its_handoff() {
    let (_fake, app) = douyin_app().await;
    let post = app.create_post(&valid_post()).await;
    let token = link(&app, &post, json!({})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let plain: Value = app
        .client
        .get(app.url(&format!("/api/share/{token}/publish")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let xhs: Value = handout(&app, &token, "xhs").await.json().await.unwrap();
    for body in [&plain, &xhs] {
        let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
        assert_eq!(keys, vec!["data", "handoff", "shareInfo"]);
        assert_eq!(body["handoff"], "sdk");
        assert_eq!(body["shareInfo"], plain["shareInfo"]);
        assert!(app.fake.verify_page_signature(
            body["data"]["appKey"].as_str().unwrap(),
            body["data"]["nonce"].as_str().unwrap(),
            &body["data"]["timestamp"].to_string(),
            body["data"]["signature"].as_str().unwrap(),
        ));
    }
    let kit: Value = handout(&app, &token, "kuaishou")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kit["handoff"], "copy_kit");
    assert_eq!(kit["platform"], "kuaishou");
    assert_eq!(kit["url"], "kwai://home");
    assert_eq!(kit["text"], "周末去哪儿\n\n三条路线 #城市漫步 #周末 ");
    assert_eq!(
        kit["media"],
        json!([
            "https://img.example.com/1.jpg",
            "https://img.example.com/2.jpg"
        ])
    );

    let page: Value = app
        .get(&format!("/api/share/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        page["platforms"][1],
        json!({"platform": "douyin", "name": "抖音", "handoff": "schema"})
    );
    let (status, p) = problem(handout(&app, &token, "myspace").await).await;
    assert_eq!(
        (
            status,
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["rule"].as_str()
        ),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("platform"),
            Some("one_of")
        )
    );
}

#[tokio::test]
async fn without_douyin_credentials_links_leave_it_out_and_old_links_answer_503() {
    let (_fake, configured) = douyin_app().await;
    let post = configured.create_post(&valid_post()).await;
    let token = link(&configured, &post, json!({"platforms": ["douyin"]})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    // The same database, restarted without Douyin's key and secret.
    let bare = spawn_app_with(Options {
        database_url: Some(configured.db_url.clone()),
        ..Options::default()
    })
    .await;
    let (status, p) = problem(handout(&bare, &token, "douyin").await).await;
    assert_eq!(
        (status, p["code"].as_str(), p["platform"].as_str()),
        (
            StatusCode::SERVICE_UNAVAILABLE,
            Some("platform_not_configured"),
            Some("douyin")
        )
    );
    let l = link(&bare, &post, json!({})).await;
    assert!(!l["platforms"]
        .as_array()
        .unwrap()
        .contains(&json!("douyin")));
    let res = bare
        .post_json(
            &format!("/api/posts/{}/links", post["id"]),
            &json!({"platforms": ["douyin", "xhs", "xhs"]}),
        )
        .await;
    let (status, p) = problem(res).await;
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        (status, fields),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["platforms[0]", "platforms[2]"]
        )
    );
}
#[tokio::test]
async fn preflight_says_per_platform_whether_the_note_can_go_and_why_not() {
    let (_fake, app) = douyin_app().await;
    let mut post = valid_post();
    post["image_urls"] = json!([
        "https://img.example.com/1.webp",
        "https://img.example.com/2.jpg"
    ]);
    let v: Value = app
        .post_json("/api/preflight", &post)
        .await
        .json()
        .await
        .unwrap();
    let by: HashMap<&str, &Value> = v["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["platform"].as_str().unwrap(), p))
        .collect();
    assert_eq!(by.len(), 6);
    assert_eq!(
        (by["xhs"]["ok"].as_bool(), by["douyin"]["ok"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(by["douyin"]["checks"][0]["field"], "image_urls[0]");
    assert_eq!(by["douyin"]["checks"][0]["rule"], "media_format");
    assert_eq!(by["douyin"]["checks"][0]["format"], "webp");
    assert_eq!(by["douyin"]["configured"], true);
    // A link cannot offer Douyin for it, and the default leaves it out.
    let created = app.create_post(&post).await;
    let l = link(&app, &created, json!({})).await;
    assert!(!l["platforms"]
        .as_array()
        .unwrap()
        .contains(&json!("douyin")));
}

#[tokio::test]
async fn taps_count_per_platform_and_move_the_record_with_their_platform() {
    let (_fake, app) = douyin_app().await;
    let account = app
        .post_json(
            "/api/accounts",
            &json!({"name": "班级号", "kind": "student"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let post = app.create_post(&valid_post()).await;
    let token = link(&app, &post, json!({"account_id": account["id"]})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    for (kind, platform) in [
        ("opened", None),
        ("publish_tapped", Some("xhs")),
        ("publish_tapped", Some("douyin")),
        ("publish_tapped", Some("douyin")),
        ("sdk_failed", Some("weibo")),
    ] {
        let mut body = json!({"kind": kind, "reason": "x"});
        if let Some(p) = platform {
            body["platform"] = json!(p);
        }
        assert_eq!(
            event(&app, &token, body).await.status(),
            StatusCode::NO_CONTENT
        );
    }
    let bad = event(
        &app,
        &token,
        json!({"kind": "publish_tapped", "platform": "myspace"}),
    )
    .await;
    assert_eq!(problem(bad).await.1["errors"][0]["field"], "platform");
    let stats: Value = app
        .get(&format!("/api/posts/{}/stats", post["id"]))
        .await
        .json()
        .await
        .unwrap();
    let split: Vec<(String, i64, i64)> = stats["by_platform"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["platform"].as_str().unwrap().to_owned(),
                p["taps"].as_i64().unwrap(),
                p["failures"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        split,
        vec![
            ("xhs".into(), 1, 0),
            ("douyin".into(), 2, 0),
            ("weibo".into(), 0, 1)
        ]
    );
    assert_eq!(stats["totals"]["opens"], 1);
    let records: Value = app
        .get(&format!("/api/records?account_id={}", account["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(records[0]["platform"], "weibo", "{records}");
}
