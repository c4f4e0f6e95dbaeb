//! What share pages report: validation, exact counting, rate limits.
use crate::helpers::{in_flight, problem, spawn_app, spawn_app_with, Options};
use crate::share::{event, post_with_link};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn events_with_an_unknown_kind_an_oversized_body_or_bad_json_are_refused() {
    let app = spawn_app().await;
    let (id, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    let (status, p) = problem(event(&app, token, json!({"kind": "hacked"})).await).await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("kind"))
    );
    let (status, _) = problem(
        event(
            &app,
            token,
            json!({"kind": "sdk_failed", "reason": "x".repeat(5000)}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let (status, p) = problem(
        event(
            &app,
            token,
            json!({"kind": "sdk_failed", "reason": "y".repeat(600)}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reason"))
    );
    let raw = app
        .client
        .post(app.url(&format!("/api/share/{token}/events")))
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(problem(raw).await.0, StatusCode::BAD_REQUEST);
    let stats = app.get_json(&format!("/api/posts/{id}/stats")).await;
    assert_eq!(
        stats["totals"]["failures"], 0,
        "nothing refused was counted"
    );
}

#[tokio::test]
async fn a_thousand_concurrent_events_are_each_counted_once() {
    let share = xhs_api::ShareSettings {
        per_client_per_minute: 100_000,
        per_token_per_minute: 100_000,
        ..Default::default()
    };
    let app = spawn_app_with(Options {
        share,
        ..Options::default()
    })
    .await;
    let (id, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap().to_owned();
    let sends = (0..1000).map(|i| {
        let kind = if i % 2 == 0 {
            "opened"
        } else {
            "publish_tapped"
        };
        event(&app, &token, json!({"kind": kind}))
    });
    let results = in_flight(sends).await;
    let refused: Vec<_> = results
        .iter()
        .map(|r| r.status())
        .filter(|s| *s != StatusCode::NO_CONTENT)
        .collect();
    assert!(refused.is_empty(), "not all counted: {refused:?}");
    let stats = app.get_json(&format!("/api/posts/{id}/stats")).await;
    assert_eq!(
        (
            stats["totals"]["opens"].as_i64(),
            stats["totals"]["taps"].as_i64()
        ),
        (Some(500), Some(500))
    );
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after_and_recovers() {
    let share = xhs_api::ShareSettings {
        per_client_per_minute: 60,
        per_token_per_minute: 1000,
        ..Default::default()
    };
    let app = spawn_app_with(Options {
        share,
        ..Options::default()
    })
    .await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    let mut limited = None;
    for _ in 0..80 {
        let res = event(&app, token, json!({"kind": "opened"})).await;
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(res);
            break;
        }
    }
    let res = limited.expect("60 a minute is exceeded within 80 calls");
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(problem(res).await.1["code"], "rate_limited");
    // 60 a minute is one a second: the next call is allowed within about a second.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(
        event(&app, token, json!({"kind": "opened"})).await.status(),
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn an_event_that_read_an_older_status_cannot_move_the_record_back() {
    let app = spawn_app().await;
    let account = app.create_account("并发", "test").await;
    let (post, link) = post_with_link(&app, json!({"account_id": account})).await;
    event(
        &app,
        link["token"].as_str().unwrap(),
        json!({"kind": "publish_tapped"}),
    )
    .await;
    let records = app.get_json(&format!("/api/records?post_id={post}")).await;
    let id = records[0]["id"].as_i64().unwrap();

    // An `opened` that read `link_sent` before the tap landed writes late.
    let moved = xhs_persistence::records::compare_and_set_status(
        &app.db,
        id,
        xhs_domain::RecordStatus::LinkSent,
        xhs_domain::RecordStatus::Opened,
        None,
        None,
        None,
    )
    .await
    .unwrap();

    assert!(
        !moved,
        "the write is refused: the record is no longer at link_sent"
    );
    let records = app.get_json(&format!("/api/records?post_id={post}")).await;
    assert_eq!(records[0]["status"], "tapped");
}

#[tokio::test]
async fn unknown_share_tokens_count_against_the_per_client_limit() {
    let share = xhs_api::ShareSettings {
        per_client_per_minute: 5,
        per_token_per_minute: 1000,
        ..Default::default()
    };
    let app = spawn_app_with(Options {
        share,
        ..Options::default()
    })
    .await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();

    // Guessing: five a minute, then refused.
    let mut statuses = Vec::new();
    for i in 0..8 {
        let guess = format!("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF{i}");
        let res = app
            .client
            .get(app.url(&format!("/api/share/{guess}")))
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses[0], 404);
    assert!(statuses.contains(&429), "guessing is stopped: {statuses:?}");
    // The guesses spent the same quota the share page's calls use.
    let (status, p) = problem(event(&app, token, json!({"kind": "opened"})).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );
    // Reading a real link is not a guess.
    let res = app
        .client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_documented_event_kinds_are_exactly_those_the_server_takes() {
    let app = spawn_app_with(Options {
        share: xhs_api::ShareSettings {
            per_client_per_minute: 100_000,
            per_token_per_minute: 100_000,
            ..Default::default()
        },
        ..Options::default()
    })
    .await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    let doc = xhs_api::openapi();
    let doc = serde_json::to_value(&doc).unwrap();
    let schema = &doc["paths"]["/api/share/{token}/events"]["post"]["requestBody"]["content"]
        ["application/json"]["schema"]["$ref"];
    let name = schema.as_str().unwrap().rsplit('/').next().unwrap();
    let kind = &doc["components"]["schemas"][name]["properties"]["kind"]["$ref"];
    let kind = kind.as_str().unwrap().rsplit('/').next().unwrap();
    let documented: Vec<String> = doc["components"]["schemas"][kind]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();

    assert!(
        !documented.contains(&"confirmed".to_owned()),
        "{documented:?}"
    );
    for k in &documented {
        let body = json!({"kind": k, "reason": "x", "platform": "xhs"});
        let res = event(&app, token, body).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{k} is taken");
    }
    let res = event(&app, token, json!({"kind": "confirmed"})).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "confirmed is not"
    );
}
