//! A rough timing (ignored by default; run it with `--ignored --nocapture`):
//! a post's statistics with 100 000 events, from the rollups through the API
//! against the raw-row counting the statistics did before migration 18.
use crate::helpers::{spawn_app, TestApp};
use crate::share::post_with_link;
use serde_json::json;
use std::time::{Duration, Instant};
use xhs_domain::EventKind;
use xhs_persistence::events::{insert_many, NewEvent};
use xhs_persistence::ConnectionTrait;

const EVENTS: usize = 100_000;

fn p50(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

async fn timed<F, Fut>(runs: usize, f: F) -> Duration
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut v = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f().await;
        v.push(t.elapsed());
    }
    p50(v)
}

/// What the four event queries of a post's statistics were before rollups.
async fn raw_counts(app: &TestApp, post: i64, since: &str) {
    for sql in [
        format!("SELECT day, kind, COUNT(id) FROM share_event WHERE post_id = {post} AND day >= '{since}' GROUP BY day, kind"),
        format!("SELECT kind, COUNT(id) FROM share_event WHERE post_id = {post} AND day >= '{since}' GROUP BY kind"),
        format!("SELECT platform, kind, COUNT(id) FROM share_event WHERE post_id = {post} AND day >= '{since}' AND platform IS NOT NULL GROUP BY platform, kind"),
        format!("SELECT reason, COUNT(id) FROM share_event WHERE post_id = {post} AND kind = 'sdk_failed' AND day >= '{since}' GROUP BY reason"),
    ] {
        app.db
            .query_all(sea_orm::Statement::from_string(app.db.get_database_backend(), sql))
            .await
            .unwrap();
    }
}

#[tokio::test]
#[ignore = "a timing, not a test: run with --ignored --nocapture"]
async fn a_posts_statistics_with_100_000_events() {
    let app = spawn_app().await;
    let (post, link) = post_with_link(&app, json!({})).await;
    let link_id = link["id"].as_i64().unwrap();
    let kinds = [
        EventKind::Opened,
        EventKind::PublishTapped,
        EventKind::SdkLoaded,
        EventKind::AppOpened,
        EventKind::SdkFailed,
    ];
    let today = chrono::Utc::now().date_naive();
    let events: Vec<NewEvent> = (0..EVENTS)
        .map(|i| NewEvent {
            link_id,
            post_id: post,
            account_id: None,
            // One event in a hundred a failure.
            kind: if i % 100 == 99 {
                EventKind::SdkFailed
            } else {
                kinds[i % 4]
            },
            reason: (i % 100 == 99).then(|| format!("reason {}", i % 7)),
            day: (today - chrono::Duration::days((i % 30) as i64)).to_string(),
            platform: (i % 4 != 0).then_some(xhs_domain::SharePlatform::Xhs),
        })
        .collect();
    let t = Instant::now();
    let txn = sea_orm::TransactionTrait::begin(&app.db).await.unwrap();
    for chunk in events.chunks(5_000) {
        insert_many(&txn, chunk).await.unwrap();
    }
    txn.commit().await.unwrap();
    println!(
        "stored {EVENTS} events and their rollups in {:?}",
        t.elapsed()
    );
    let since = (today - chrono::Duration::days(29)).to_string();

    let raw = timed(20, || raw_counts(&app, post, &since)).await;
    let rollups = timed(20, || async {
        use xhs_persistence::events::{self, Scope};
        let scope = Scope::Post(post);
        events::daily_counts(&app.db, scope, &since).await.unwrap();
        events::totals(&app.db, scope, &since).await.unwrap();
        events::totals_by_platform(&app.db, scope, &since)
            .await
            .unwrap();
        events::failure_reasons(&app.db, scope, &since)
            .await
            .unwrap();
    })
    .await;
    let api = timed(20, || async {
        let res = app.get(&format!("/api/posts/{post}/stats")).await;
        assert!(res.status().is_success());
        res.bytes().await.unwrap();
    })
    .await;
    let list = timed(20, || async {
        let res = app.get("/api/posts").await;
        assert!(res.status().is_success());
        res.bytes().await.unwrap();
    })
    .await;

    println!(
        "p50 of 20 (debug build, {:?}):",
        app.db.get_database_backend()
    );
    println!("  raw-row counting of a post's statistics (before): {raw:?}");
    println!("  the same four statistics from the rollups (after): {rollups:?}");
    println!("  GET /api/posts/{{id}}/stats from rollups (after, whole request): {api:?}");
    println!("  GET /api/posts first page (after, whole request): {list:?}");
}
