//! Paste-back takes what the XHS app copies, counts one note once, and
//! statistics add up per platform (issue 21, items 3 and 6).
use crate::helpers::{rollups_and_recount, valid_post, TestApp};
use crate::share::event;
use reqwest::StatusCode;
use serde_json::{json, Value};

const ID: &str = "64a1b2c3d4e5f60718293a4b";
const APP_TEXT: &str = "70 某某发布了一篇小红书笔记，快来看吧！ 😆 2B4fyO9nDGbkJsc 😆 http://xhslink.com/a/EPoEXanJ2mFab，复制本条信息，打开【小红书】App查看精彩内容！";

fn web_share() -> String {
    format!("https://www.xiaohongshu.com/discovery/item/{ID}?source=webshare&xhsshare=pc_web&xsec_token=ABxyz0123=&xsec_source=pc_share")
}

async fn link(app: &TestApp, post: i64, body: Value) -> String {
    let res = app
        .post_json(&format!("/api/posts/{post}/links"), &body)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn paste(app: &TestApp, token: &str, text: &str) -> StatusCode {
    app.client
        .post(app.url(&format!("/api/share/{token}/confirm")))
        .json(&json!({"note_url": text}))
        .send()
        .await
        .unwrap()
        .status()
}

async fn stats(app: &TestApp, path: &str) -> Value {
    let res = app.get(path).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn records(app: &TestApp, account: i64) -> Vec<Value> {
    let res = app.get(&format!("/api/records?account_id={account}")).await;
    res.json::<Vec<Value>>().await.unwrap()
}

#[tokio::test]
async fn the_apps_share_text_the_web_link_and_a_short_link_are_taken_and_one_note_counts_once() {
    let app = crate::helpers::spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let brand = app.create_account("品牌号", "student").await;
    let token = link(&app, post, json!({"account_id": brand})).await;

    assert_eq!(paste(&app, &token, APP_TEXT).await, StatusCode::NO_CONTENT);
    let rec = &records(&app, brand).await[0];
    assert_eq!(
        (rec["status"].as_str(), rec["note_url"].as_str()),
        (
            Some("published"),
            Some("http://xhslink.com/a/EPoEXanJ2mFab")
        ),
        "the short link as given, without the sentence around it"
    );
    assert_eq!(paste(&app, &token, APP_TEXT).await, StatusCode::NO_CONTENT);

    // The web page's link and the explore link of one note: one confirmation.
    let class = link(&app, post, json!({"label": "三班"})).await;
    assert_eq!(
        paste(&app, &class, &web_share()).await,
        StatusCode::NO_CONTENT
    );
    let explore = format!("https://www.xiaohongshu.com/explore/{ID}");
    assert_eq!(
        paste(
            &app,
            &class,
            &format!("看我的笔记 {explore}?xsec_token=q，谢谢")
        )
        .await,
        StatusCode::NO_CONTENT
    );
    let s = stats(&app, &format!("/api/posts/{post}/stats")).await;
    assert_eq!(s["totals"]["confirmed"], 2, "two notes, each pasted twice");

    // An operator confirming a record with a note already counted moves
    // the record, and still counts the note once.
    let teacher = app.create_account("老师号", "student").await;
    link(&app, post, json!({"account_id": teacher})).await;
    let id = records(&app, teacher).await[0]["id"].as_i64().unwrap();
    let res = app
        .put_json(
            &format!("/api/records/{id}/confirm"),
            &json!({"note_url": web_share()}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let rec: Value = res.json().await.unwrap();
    assert_eq!(
        (rec["status"].as_str(), rec["note_url"].as_str()),
        (Some("published"), Some(explore.as_str())),
        "stored in one canonical form"
    );
    let s = stats(&app, &format!("/api/posts/{post}/stats")).await;
    assert_eq!(s["totals"]["confirmed"], 2);

    let res = app
        .client
        .post(app.url(&format!("/api/share/{token}/confirm")))
        .json(&json!({"note_url": "复制本条信息，打开【小红书】App查看精彩内容！"}))
        .send()
        .await
        .unwrap();
    let (status, p) = crate::helpers::problem(res).await;
    assert_eq!(
        (
            status,
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["rule"].as_str()
        ),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("note_url"),
            Some("xhs_note_url")
        )
    );
}

const KINDS: [(&str, &str); 7] = [
    ("opened", "opens"),
    ("publish_tapped", "taps"),
    ("sdk_loaded", "sdk_loads"),
    ("app_opened", "app_opens"),
    ("sdk_failed", "failures"),
    ("fallback_used", "fallbacks"),
    ("confirmed", "confirmed"),
];

fn by_platform_sum(stats: &Value, field: &str) -> i64 {
    stats["by_platform"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[field].as_i64().unwrap())
        .sum()
}

fn platform_count(stats: &Value, platform: &str, field: &str) -> i64 {
    stats["by_platform"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["platform"] == platform)
        .map_or(0, |p| p[field].as_i64().unwrap())
}

#[tokio::test]
async fn confirmed_publishes_count_for_xhs_even_after_a_weibo_tap_and_platforms_sum_to_the_totals()
{
    let app = crate::helpers::spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let student = app.create_account("学生号", "student").await;
    let only_xhs = link(
        &app,
        post,
        json!({"account_id": student, "platforms": ["xhs"]}),
    )
    .await;
    // Everything a page reports on an XHS-only link, without naming a platform.
    for (kind, _) in &KINDS[..6] {
        let res = event(&app, &only_xhs, json!({"kind": kind, "reason": "x"})).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{kind}");
    }
    assert_eq!(
        paste(&app, &only_xhs, APP_TEXT).await,
        StatusCode::NO_CONTENT
    );
    // The operator confirms a second account's record on another XHS-only link.
    let brand = app.create_account("品牌号", "student").await;
    link(
        &app,
        post,
        json!({"account_id": brand, "platforms": ["xhs"]}),
    )
    .await;
    let rec = records(&app, brand).await[0]["id"].as_i64().unwrap();
    let res = app
        .put_json(
            &format!("/api/records/{rec}/confirm"),
            &json!({"note_url": web_share()}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let s = stats(&app, &format!("/api/posts/{post}/stats")).await;
    for (kind, field) in KINDS {
        assert_eq!(
            by_platform_sum(&s, field),
            s["totals"][field].as_i64().unwrap(),
            "{kind}: per platform {} vs total {}",
            s["by_platform"],
            s["totals"]
        );
    }
    assert_eq!(platform_count(&s, "xhs", "confirmed"), 2);

    // A link of XHS and Weibo, Weibo tapped last: the pasted URL is an XHS
    // note's, so the confirmation counts for XHS, not for the Weibo share.
    let two = link(&app, post, json!({"platforms": ["xhs", "weibo"]})).await;
    for platform in ["xhs", "weibo"] {
        let res = event(
            &app,
            &two,
            json!({"kind": "publish_tapped", "platform": platform}),
        )
        .await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    }
    let other = "http://xhslink.com/a/Second1";
    assert_eq!(paste(&app, &two, other).await, StatusCode::NO_CONTENT);
    let s = stats(&app, &format!("/api/posts/{post}/stats")).await;
    for (kind, field) in KINDS {
        assert_eq!(
            by_platform_sum(&s, field),
            s["totals"][field].as_i64().unwrap(),
            "{kind}"
        );
    }
    assert_eq!(
        (
            platform_count(&s, "xhs", "confirmed"),
            platform_count(&s, "weibo", "confirmed")
        ),
        (3, 0)
    );
    let dashboard = stats(&app, "/api/dashboard").await;
    assert!(dashboard.is_object());
    let (stored, recount) = rollups_and_recount(&app.db).await;
    assert_eq!(stored, recount, "the rollups agree with the events");
}

#[tokio::test]
async fn the_migration_attributes_confirmations_stored_without_a_platform() {
    use xhs_persistence::ConnectionTrait;
    let app = crate::helpers::spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let old = link(&app, post, json!({"platforms": ["xhs"]})).await;
    let two = link(&app, post, json!({"platforms": ["xhs", "weibo"]})).await;
    event(&app, &old, json!({"kind": "opened"})).await;
    event(
        &app,
        &two,
        json!({"kind": "publish_tapped", "platform": "weibo"}),
    )
    .await;
    assert_eq!(paste(&app, &old, APP_TEXT).await, StatusCode::NO_CONTENT);
    assert_eq!(
        paste(&app, &two, &web_share()).await,
        StatusCode::NO_CONTENT
    );
    // As events were stored before: no platform unless a tap named one, and
    // the oldest links stored no platforms at all.
    crate::helpers::migrate_down_through(&app.db, "m20261206_000020_attribute_events_to_platforms")
        .await;
    for sql in [
        "UPDATE share_event SET platform = NULL WHERE kind <> 'publish_tapped'",
        "UPDATE share_link SET platforms = NULL WHERE platforms = 'xhs'",
    ] {
        app.db.execute_unprepared(sql).await.unwrap();
    }
    crate::helpers::recount_event_rollups(&app.db).await;
    let before = stats(&app, &format!("/api/posts/{post}/stats")).await;
    assert_eq!(by_platform_sum(&before, "confirmed"), 0);

    xhs_persistence::migrate(&app.db).await.unwrap();

    let after = stats(&app, &format!("/api/posts/{post}/stats")).await;
    assert_eq!(after["totals"]["confirmed"], 2);
    assert_eq!(
        (
            platform_count(&after, "xhs", "confirmed"),
            platform_count(&after, "weibo", "confirmed"),
            platform_count(&after, "xhs", "opens"),
        ),
        (1, 1, 1)
    );
    let (stored, recount) = rollups_and_recount(&app.db).await;
    assert_eq!(stored, recount);
}
