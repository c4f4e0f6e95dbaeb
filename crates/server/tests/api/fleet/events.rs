//! What the provider pushes about a robot reaches everything that shows it:
//! the write that stores it tells the link cache.
use super::{fast, fleet, robot_ids};
use crate::helpers::valid_post;
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_server::Settings;

fn fast_with_a_long_link_cache(s: &mut Settings) {
    fast(s);
    s.cache.link_ttl_ms = 600_000;
}

#[tokio::test]
async fn a_pushed_event_that_renames_a_robot_is_on_its_share_page_at_once() {
    let (fake, app) = fleet(1, fast_with_a_long_link_cache).await;
    let robot = robot_ids(&app).await[0];
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let res = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"account_id": robot}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let link: Value = res.json().await.unwrap();
    let page = app.url(&format!("/api/share/{}", link["token"].as_str().unwrap()));
    let name = |v: Value| v["accountName"].as_str().map(str::to_owned);
    let before: Value = app
        .client
        .get(&page)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        name(before.clone()).as_deref(),
        Some("机器人000"),
        "{before}"
    );

    fake.update_robot(0, json!({"nickName": "改名后的机器人"}));
    let events = app.url("/api/robots/events");
    let pushed = fake.push_event(&events, 0, "robotOnlineStatusChange").await;

    assert_eq!(pushed, StatusCode::NO_CONTENT);
    let after = name(
        app.client
            .get(&page)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap(),
    );
    assert_eq!(
        after.as_deref(),
        Some("改名后的机器人"),
        "served at once, not from the cache"
    );
    let audit: Value = app
        .get("/api/audit?actor=provider")
        .await
        .json()
        .await
        .unwrap();
    let entry = &audit["items"][0];
    assert_eq!(
        (
            &entry["action"],
            &entry["target_type"],
            &entry["target_id"],
            &entry["actor_kind"]
        ),
        (
            &json!("update"),
            &json!("robot"),
            &json!(robot),
            &json!("provider")
        )
    );
}
