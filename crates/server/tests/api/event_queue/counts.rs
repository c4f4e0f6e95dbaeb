//! The rollups after a mixed run, and the migration that made them.
use super::*;

#[tokio::test]
async fn the_rollups_equal_a_recount_of_the_raw_events_after_a_mixed_run() {
    let app = with(small_batches).await;
    let acc = app.create_account("批量", "test").await;
    let (post, with_account) = post_with_link(&app, json!({"account_id": acc})).await;
    let (_, page_only) = post_with_link(&app, json!({})).await;
    let (a, b) = (
        with_account["token"].as_str().unwrap(),
        page_only["token"].as_str().unwrap(),
    );
    let bodies = [
        json!({"kind": "opened"}),
        json!({"kind": "publish_tapped", "platform": "xhs"}),
        json!({"kind": "publish_tapped", "platform": "douyin"}),
        json!({"kind": "sdk_failed", "reason": "timeout", "platform": "xhs"}),
        json!({"kind": "sdk_failed", "reason": "denied"}),
        json!({"kind": "fallback_used"}),
        json!({"kind": "hacked"}),
    ];
    let sends = bodies.iter().cycle().take(70).enumerate().map(|(i, body)| {
        let token = if i % 3 == 0 { b } else { a };
        event(&app, token, body.clone())
    });
    let statuses: Vec<_> = in_flight(sends)
        .await
        .into_iter()
        .map(|r| r.status())
        .collect();
    let confirmed = app
        .client
        .post(app.url(&format!("/api/share/{a}/confirm")))
        .json(&json!({"note_url": "http://xhslink.com/a/AbCdEf"}))
        .send()
        .await
        .unwrap();
    let records = app
        .get_json(&format!("/api/records?account_id={acc}"))
        .await;
    let by_operator = app
        .put_json(
            &format!("/api/records/{}/confirm", records[0]["id"]),
            &json!({"note_url": "http://xhslink.com/a/XyZ123"}),
        )
        .await;

    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    assert_eq!(
        (refused, statuses.len()),
        (10, 70),
        "only the unknown kind is refused"
    );
    assert_eq!(confirmed.status(), StatusCode::NO_CONTENT);
    assert_eq!(by_operator.status(), StatusCode::OK);
    assert_eq!(count_rows(&app.db, "share_event").await, 62);
    let (stored, recount) = rollups_and_recount(&app.db).await;
    assert_eq!(stored, recount);
    let stats = app.get_json(&format!("/api/posts/{post}/stats")).await;
    assert_eq!(stats["totals"]["confirmed"], 2);
    assert_eq!(
        stats["failures_by_reason"].as_array().map(Vec::len),
        Some(2)
    );
}

#[tokio::test]
async fn migration_18_counts_the_events_stored_before_it() {
    let app = with(small_batches).await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    for body in [
        json!({"kind": "opened"}),
        json!({"kind": "opened"}),
        json!({"kind": "publish_tapped", "platform": "xhs"}),
        json!({"kind": "sdk_failed", "reason": "timeout"}),
    ] {
        assert_eq!(
            event(&app, token, body).await.status(),
            StatusCode::NO_CONTENT
        );
    }
    crate::helpers::migrate_down_through(&app.db, "m20261125_000018_add_event_rollups").await;
    xhs_persistence::migrate(&app.db).await.unwrap();

    let (stored, recount) = rollups_and_recount(&app.db).await;
    assert_eq!(stored.len(), 3);
    assert_eq!(stored, recount);
}
