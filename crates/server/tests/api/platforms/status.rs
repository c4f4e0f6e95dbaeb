//! `GET /api/platforms`: the console hears the truth about credentials
//! before any phone does (issue 21, item 1).
use super::{douyin_app, handout, link};
use crate::helpers::{spawn_app_with, valid_post, Options, TestApp, APP_SECRET};
use crate::teams::{add_user, login_as};
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_fakes::FakeMode;

async fn platforms(app: &TestApp) -> Vec<Value> {
    let res = app.get("/api/platforms").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    body["platforms"].as_array().unwrap().clone()
}

fn entry<'a>(list: &'a [Value], platform: &str) -> &'a Value {
    list.iter().find(|p| p["platform"] == platform).unwrap()
}

#[tokio::test]
async fn without_credentials_xhs_is_not_configured_and_phones_get_the_copy_kit() {
    let app = spawn_app_with(Options {
        configured: false,
        ..Options::default()
    })
    .await;
    let list = platforms(&app).await;
    let order: Vec<&str> = list
        .iter()
        .map(|p| p["platform"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        ["xhs", "douyin", "weibo", "kuaishou", "bilibili", "channels"]
    );
    assert_eq!(
        entry(&list, "xhs"),
        &json!({"platform": "xhs", "handoff": "copy_kit", "configured": false, "token": null})
    );
    assert_eq!(entry(&list, "douyin")["configured"], false);
    assert_eq!(entry(&list, "weibo")["configured"], true);
    assert_eq!(entry(&list, "kuaishou")["handoff"], "copy_kit");

    // The editor's pre-flight says the same; links still offer XHS (the kit).
    let res = app.post_json("/api/preflight", &valid_post()).await;
    let pre: Value = res.json().await.unwrap();
    let xhs = pre["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["platform"] == "xhs")
        .unwrap();
    assert_eq!(
        (xhs["ok"].as_bool(), xhs["configured"].as_bool()),
        (Some(true), Some(false))
    );
    let post = app.create_post(&valid_post()).await;
    assert_eq!(link(&app, &post, json!({})).await["platforms"][0], "xhs");
    let chosen = link(&app, &post, json!({"platforms": ["xhs"]})).await;
    assert_eq!(chosen["platforms"], json!(["xhs"]));
}

#[tokio::test]
async fn the_last_xhs_token_fetch_is_reported_with_its_time_and_a_code_never_a_secret() {
    let app = spawn_app_with(Options::default()).await;
    add_user(&app, "watcher", "viewer").await;
    let viewer = login_as(&app, "watcher").await;
    let before = viewer.get("/api/platforms").await;
    assert_eq!(before.status(), StatusCode::OK, "a viewer may read it");
    let list: Value = before.json().await.unwrap();
    let xhs = &list["platforms"][0];
    assert_eq!(
        (&xhs["handoff"], &xhs["configured"], &xhs["token"]),
        (&json!("sdk"), &json!(true), &Value::Null),
        "configured, never fetched yet"
    );

    let post = app.create_post(&valid_post()).await;
    let token = link(&app, &post, json!({})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let started = chrono::Utc::now();
    assert_eq!(handout(&app, &token, "xhs").await.status(), StatusCode::OK);
    let ok = entry(&platforms(&app).await, "xhs")["token"].clone();
    assert_eq!((&ok["ok"], &ok["error"]), (&json!(true), &Value::Null));
    let at: chrono::DateTime<chrono::Utc> = ok["checked_at"].as_str().unwrap().parse().unwrap();
    assert!(
        at >= started - chrono::Duration::seconds(1),
        "{at} vs {started}"
    );

    // A new app whose credentials XHS refuses: the code, not XHS's words.
    let refused = spawn_app_with(Options::default()).await;
    refused
        .fake
        .set_mode(FakeMode::Reject("签名校验失败，非法参数-signature".into()));
    let post = refused.create_post(&valid_post()).await;
    let token = link(&refused, &post, json!({})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        handout(&refused, &token, "xhs").await.status(),
        StatusCode::BAD_GATEWAY
    );
    let res = refused.get("/api/platforms").await;
    let text = res.text().await.unwrap();
    assert!(
        !text.contains(APP_SECRET) && !text.contains("签名"),
        "{text}"
    );
    let body: Value = serde_json::from_str(&text).unwrap();
    let failed = &body["platforms"][0]["token"];
    assert_eq!(
        (&failed["ok"], &failed["error"]),
        (&json!(false), &json!("platform_rejected"))
    );
    assert_eq!(body["platforms"][0]["configured"], true);
}

#[tokio::test]
async fn douyin_reports_its_last_ticket_fetch_and_anonymous_callers_are_refused() {
    let (fake, app) = douyin_app().await;
    let post = app.create_post(&valid_post()).await;
    let token = link(&app, &post, json!({"platforms": ["xhs", "douyin"]})).await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        handout(&app, &token, "douyin").await.status(),
        StatusCode::OK
    );
    let list = platforms(&app).await;
    let douyin = entry(&list, "douyin");
    assert_eq!(
        (
            &douyin["configured"],
            &douyin["handoff"],
            &douyin["token"]["ok"]
        ),
        (&json!(true), &json!("schema"), &json!(true))
    );
    assert!(fake.ticket_fetches() >= 1);
    assert_eq!(
        entry(&list, "weibo")["token"],
        Value::Null,
        "no token there"
    );

    let anonymous = app
        .client
        .get(app.url("/api/platforms"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}
