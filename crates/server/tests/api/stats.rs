use crate::helpers::{problem, spawn_app};
use crate::share::{event, post_with_link};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn account(app: &crate::helpers::TestApp, name: &str, kind: &str) -> i64 {
    let res = app
        .post_json(
            "/api/accounts",
            &json!({"name": name, "nickname": format!("{name}的小红书"), "kind": kind}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

#[tokio::test]
async fn statistics_after_a_scripted_sequence_are_exact_per_post_link_and_account() {
    let app = spawn_app().await;
    let brand = account(&app, "品牌号", "brand").await;
    let (post, brand_link) =
        post_with_link(&app, json!({"account_id": brand, "label": "brand"})).await;
    let class_link: Value = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"label": "三班"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let (b, c) = (
        brand_link["token"].as_str().unwrap(),
        class_link["token"].as_str().unwrap(),
    );

    let script: &[(&str, Value)] = &[
        (c, json!({"kind": "opened"})),
        (c, json!({"kind": "opened"})),
        (c, json!({"kind": "opened"})),
        (c, json!({"kind": "publish_tapped"})),
        (c, json!({"kind": "sdk_failed", "reason": "签名校验失败"})),
        (c, json!({"kind": "sdk_failed", "reason": "签名校验失败"})),
        (c, json!({"kind": "fallback_used"})),
        (b, json!({"kind": "opened"})),
        (b, json!({"kind": "sdk_loaded"})),
        (b, json!({"kind": "publish_tapped"})),
        (
            b,
            json!({"kind": "sdk_failed", "reason": "app not installed"}),
        ),
        (b, json!({"kind": "publish_tapped"})),
        (b, json!({"kind": "app_opened"})),
    ];
    for (token, body) in script {
        assert_eq!(
            event(&app, token, body.clone()).await.status(),
            StatusCode::NO_CONTENT
        );
    }
    let confirm = app
        .client
        .post(app.url(&format!("/api/share/{b}/confirm")))
        .json(&json!({"note_url": "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"}))
        .send()
        .await
        .unwrap();
    assert_eq!(confirm.status(), StatusCode::NO_CONTENT);

    let post_stats: Value = app
        .get(&format!("/api/posts/{post}/stats?days=7"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        post_stats["totals"],
        json!({"opens": 4, "taps": 3, "sdk_loads": 1, "app_opens": 1, "failures": 3, "fallbacks": 1, "confirmed": 1})
    );
    assert_eq!(
        post_stats["failures_by_reason"],
        json!([{"reason": "签名校验失败", "count": 2}, {"reason": "app not installed", "count": 1}])
    );
    let daily = post_stats["daily"].as_array().unwrap();
    assert_eq!(daily.len(), 7);
    // The default statistics zone is Asia/Shanghai: its "today" is not UTC's after 16:00 UTC.
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(daily[6]["day"], today);
    assert_eq!(
        (daily[6]["opens"].as_i64(), daily[6]["taps"].as_i64()),
        (Some(4), Some(3))
    );
    assert!(daily[..6].iter().all(|d| d["opens"] == 0));

    let class: Value = app
        .get(&format!("/api/links/{}/stats", class_link["id"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        class["totals"],
        json!({"opens": 3, "taps": 1, "sdk_loads": 0, "app_opens": 0, "failures": 2, "fallbacks": 1, "confirmed": 0})
    );
    let brand_stats: Value = app
        .get(&format!("/api/accounts/{brand}/stats"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        brand_stats["totals"],
        json!({"opens": 1, "taps": 2, "sdk_loads": 1, "app_opens": 1, "failures": 1, "fallbacks": 0, "confirmed": 1})
    );

    let records: Value = app
        .get(&format!("/api/records?account_id={brand}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(records[0]["status"], "published");
    assert_eq!(
        records[0]["note_url"],
        "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"
    );
    assert_eq!(
        records[0]["failure_reason"], "app not installed",
        "the last failure is kept for the operator"
    );

    let list: Value = app.get("/api/posts").await.json().await.unwrap();
    assert_eq!(
        list["items"][0]["totals"]["opens"], 4,
        "the list shows each post's totals"
    );
}

#[tokio::test]
async fn a_publish_record_follows_its_link_and_never_moves_back() {
    let app = spawn_app().await;
    let student = account(&app, "王同学", "student").await;
    let (post, link) = post_with_link(&app, json!({"account_id": student})).await;
    let token = link["token"].as_str().unwrap();
    let status = || async {
        let r: Value = app
            .get(&format!("/api/records?post_id={post}&account_id={student}"))
            .await
            .json()
            .await
            .unwrap();
        r[0]["status"].as_str().unwrap().to_owned()
    };
    assert_eq!(status().await, "link_sent");
    event(&app, token, json!({"kind": "publish_tapped"})).await;
    assert_eq!(status().await, "tapped");
    event(&app, token, json!({"kind": "opened"})).await;
    assert_eq!(
        status().await,
        "tapped",
        "a later open does not move it back"
    );
    event(
        &app,
        token,
        json!({"kind": "sdk_failed", "reason": "timeout"}),
    )
    .await;
    assert_eq!(status().await, "failed");
}

#[tokio::test]
async fn a_confirmation_must_be_an_xhs_note_link() {
    let app = spawn_app().await;
    let student = account(&app, "李同学", "student").await;
    let (_, link) = post_with_link(&app, json!({"account_id": student})).await;
    let token = link["token"].as_str().unwrap();
    let res = app
        .client
        .post(app.url(&format!("/api/share/{token}/confirm")))
        .json(&json!({"note_url": "https://evil.example.com/x"}))
        .send()
        .await
        .unwrap();
    let (status, p) = problem(res).await;
    assert_eq!(
        (status, p["errors"][0]["rule"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("xhs_note_url"))
    );
    let records: Value = app
        .get(&format!("/api/records?account_id={student}"))
        .await
        .json()
        .await
        .unwrap();
    let id = records[0]["id"].as_i64().unwrap();
    let ok = app
        .put_json(
            &format!("/api/records/{id}/confirm"),
            &json!({"note_url": "http://xhslink.com/a/AbCdEf"}),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.json::<Value>().await.unwrap()["status"], "published");
}

#[tokio::test]
async fn accounts_are_managed_and_validated() {
    let app = spawn_app().await;
    let id = account(&app, "测试号", "test").await;
    let res = app
        .put_json(
            &format!("/api/accounts/{id}"),
            &json!({"name": "测试号2", "kind": "partner", "notes": "合作"}),
        )
        .await;
    assert_eq!(res.json::<Value>().await.unwrap()["kind"], "partner");
    let (status, p) = problem(
        app.post_json("/api/accounts", &json!({"name": " ", "kind": "bot"}))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "kind"]);
    let partners: Value = app
        .get("/api/accounts?kind=partner")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(partners.as_array().unwrap().len(), 1);
    assert_eq!(
        app.delete(&format!("/api/accounts/{id}")).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get(&format!("/api/accounts/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let (status, _) = problem(app.get("/api/posts/1/stats?days=0").await).await;
    assert!(status == StatusCode::UNPROCESSABLE_ENTITY || status == StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn days_follow_the_configured_time_zone() {
    for zone in ["Pacific/Kiritimati", "Etc/GMT+12"] {
        let app = crate::helpers::spawn_app_with(crate::helpers::Options {
            stats_timezone: Some(zone.into()),
            ..Default::default()
        })
        .await;
        let (post, link) = crate::share::post_with_link(&app, serde_json::json!({})).await;
        crate::share::event(
            &app,
            link["token"].as_str().unwrap(),
            serde_json::json!({"kind": "opened"}),
        )
        .await;

        let stats: serde_json::Value = app
            .get(&format!("/api/posts/{post}/stats?days=2"))
            .await
            .json()
            .await
            .unwrap();

        let tz: chrono_tz::Tz = zone.parse().unwrap();
        let today = chrono::Utc::now()
            .with_timezone(&tz)
            .date_naive()
            .to_string();
        let last = &stats["daily"][1];
        assert_eq!(
            (last["day"].as_str(), last["opens"].as_i64()),
            (Some(today.as_str()), Some(1)),
            "{zone}: {stats}"
        );
    }
}

#[tokio::test]
async fn totals_and_failure_reasons_follow_the_chosen_period() {
    use xhs_persistence::ConnectionTrait;
    let app = crate::helpers::spawn_app().await;
    let (post, link) = crate::share::post_with_link(&app, serde_json::json!({})).await;
    let token = link["token"].as_str().unwrap();
    crate::share::event(
        &app,
        token,
        serde_json::json!({"kind": "sdk_failed", "reason": "old"}),
    )
    .await;
    let old_day = (chrono::Utc::now() - chrono::Duration::days(10))
        .date_naive()
        .to_string();
    app.db
        .execute_unprepared(&format!("UPDATE share_event SET day = '{old_day}'"))
        .await
        .unwrap();
    crate::helpers::recount_event_rollups(&app.db).await;
    crate::share::event(&app, token, serde_json::json!({"kind": "opened"})).await;

    let week: serde_json::Value = app
        .get(&format!("/api/posts/{post}/stats?days=7"))
        .await
        .json()
        .await
        .unwrap();
    let month: serde_json::Value = app
        .get(&format!("/api/posts/{post}/stats?days=30"))
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(
        (
            week["totals"]["failures"].as_i64(),
            week["totals"]["opens"].as_i64()
        ),
        (Some(0), Some(1))
    );
    assert_eq!(week["failures_by_reason"], serde_json::json!([]));
    assert_eq!(month["totals"]["failures"], 1);
    assert_eq!(month["failures_by_reason"][0]["reason"], "old");
}
