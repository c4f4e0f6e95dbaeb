//! The console's home: exact counts for today and the week, the notes and
//! links that moved most (deleted notes left out), and what needs a look.
use crate::fleet::{fast, fleet, robot_ids};
use crate::share::{event, post_with_link};
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_persistence::ConnectionTrait;

async fn link(app: &crate::helpers::TestApp, post: i64, label: &str) -> String {
    let res = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"label": label}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn events(app: &crate::helpers::TestApp, token: &str, kinds: &[(&str, usize)]) {
    for (kind, n) in kinds {
        for _ in 0..*n {
            let body = match *kind {
                "sdk_failed" => json!({"kind": kind, "reason": "签名校验失败"}),
                _ => json!({"kind": kind}),
            };
            assert_eq!(
                event(app, token, body).await.status(),
                StatusCode::NO_CONTENT
            );
        }
    }
}

/// Moves every event not yet moved to `days` days ago (in the default zone).
async fn age_events(app: &crate::helpers::TestApp, days: i64, keep_from: &[String]) {
    let day = (chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai)
        - chrono::Duration::days(days))
    .format("%Y-%m-%d")
    .to_string();
    let keep = keep_from
        .iter()
        .map(|d| format!("'{d}'"))
        .collect::<Vec<_>>()
        .join(",");
    let filter = if keep.is_empty() {
        String::new()
    } else {
        format!(" WHERE day NOT IN ({keep})")
    };
    app.db
        .execute_unprepared(&format!("UPDATE share_event SET day = '{day}'{filter}"))
        .await
        .unwrap();
    crate::helpers::recount_event_rollups(&app.db).await;
}

fn day_ago(days: i64) -> String {
    (chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai) - chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

#[tokio::test]
async fn the_dashboard_counts_today_and_the_week_and_ranks_live_notes_and_links() {
    let (_fake, app) = fleet(1, fast).await;
    let (a, a1) = post_with_link(&app, json!({"label": "三班"})).await;
    let a1 = a1["token"].as_str().unwrap().to_owned();
    let a2 = link(&app, a, "四班").await;
    let (b, b1) = post_with_link(&app, json!({})).await;
    let b1 = b1["token"].as_str().unwrap().to_owned();
    let (c, c1) = post_with_link(&app, json!({})).await;
    let c1 = c1["token"].as_str().unwrap().to_owned();

    // Ten days ago: outside the week.
    events(&app, &b1, &[("opened", 1)]).await;
    age_events(&app, 10, &[]).await;
    // Two days ago: in the week, not today.
    events(&app, &a2, &[("opened", 1), ("publish_tapped", 1)]).await;
    age_events(&app, 2, &[day_ago(10)]).await;
    // Today.
    events(&app, &a1, &[("opened", 3), ("publish_tapped", 1)]).await;
    events(
        &app,
        &b1,
        &[
            ("opened", 2),
            ("publish_tapped", 2),
            ("sdk_failed", 1),
            ("app_opened", 1),
        ],
    )
    .await;
    events(&app, &c1, &[("opened", 5)]).await;
    assert_eq!(
        app.delete(&format!("/api/posts/{c}")).await.status(),
        StatusCode::NO_CONTENT
    );

    let robot = robot_ids(&app).await[0];
    let now = chrono::Utc::now().naive_utc().format("%Y-%m-%d %H:%M:%S");
    for (i, status) in ["failed", "paused", "unknown", "unknown", "succeeded"]
        .iter()
        .enumerate()
    {
        app.db
            .execute_unprepared(&format!(
                "INSERT INTO robot_task (post_id, robot_id, function, status, request_id, not_before, created_at, updated_at) \
                 VALUES ({a}, {robot}, 'publish', '{status}', 'req-dash-{i}', '{now}', '{now}', '{now}')"
            ))
            .await
            .unwrap();
    }

    let anonymous = app
        .client
        .get(app.url("/api/dashboard"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let d: Value = app.get("/api/dashboard").await.json().await.unwrap();
    assert_eq!(d["timezone"], "Asia/Shanghai");
    assert_eq!(
        d["today"],
        json!({"opens": 10, "taps": 3, "sdk_loads": 0, "app_opens": 1, "failures": 1, "fallbacks": 0, "confirmed": 0})
    );
    assert_eq!(
        d["week"],
        json!({"opens": 11, "taps": 4, "sdk_loads": 0, "app_opens": 1, "failures": 1, "fallbacks": 0, "confirmed": 0})
    );
    let title = app
        .get(&format!("/api/posts/{a}"))
        .await
        .json::<Value>()
        .await
        .unwrap()["title"]
        .clone();
    assert_eq!(
        d["top_posts"],
        json!([
            {"id": a, "title": title, "opens": 4, "taps": 2, "confirmed": 0},
            {"id": b, "title": title, "opens": 2, "taps": 2, "confirmed": 0},
        ]),
        "the deleted note is left out although it had the most opens"
    );
    let links: Vec<(Value, i64, i64)> = d["top_links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["label"].clone(),
                l["opens"].as_i64().unwrap(),
                l["post_id"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        links,
        vec![
            (json!("三班"), 3, a),
            (Value::Null, 2, b),
            (json!("四班"), 1, a)
        ]
    );
    assert_eq!(
        d["failures_by_reason"],
        json!([{"reason": "签名校验失败", "count": 1}])
    );
    assert_eq!(
        d["tasks"],
        json!({"failed": 1, "unknown": 2, "paused": 1, "waiting": 0, "overdue": 0})
    );
}
