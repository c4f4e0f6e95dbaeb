//! An assignment's status is stored, moved by the writers of what it is
//! made of (a person's record and link, a robot's task) in their own
//! transaction: after a mixed run the stored statuses equal a recount from
//! those sources, and the migration computes the same for rows launched
//! before it. Running campaigns that are over are finished by the worker's
//! step, once, with one `campaign.finished` in the outbox.
use super::{accounts, arrive, assignments, body, create, notes, sql, step, token_of, until};
use crate::fleet::{fast, fleet, robot_ids};
use crate::helpers::{count_rows, migrate_down_through, spawn_app_with, Options, TestApp};
use crate::share::event;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashMap;
use xhs_persistence::campaign_assignments::recount;

const NOTE: &str = "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b";

async fn confirm(app: &TestApp, token: &str) {
    let res = app
        .client
        .post(app.url(&format!("/api/share/{token}/confirm")))
        .json(&json!({"note_url": NOTE}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
}

async fn report(app: &TestApp, a: &Value, kind: &str) {
    let res = event(app, &token_of(a), json!({"kind": kind})).await;
    assert!(res.status().is_success(), "{kind}: {}", res.status());
}

/// Stored status by assignment id, as the database holds it.
async fn stored(app: &TestApp, id: i64) -> HashMap<i64, String> {
    let rows = recount(&app.db, id).await.unwrap();
    for r in &rows {
        assert_eq!(
            r.stored, r.derived,
            "assignment {}: stored against recount",
            r.id
        );
    }
    rows.into_iter()
        .map(|r| (r.id, r.stored.as_str().to_owned()))
        .collect()
}

#[tokio::test]
async fn stored_statuses_equal_a_recount_from_records_links_and_tasks_after_a_mixed_run() {
    let (_robots, app) = fleet(2, fast).await;
    let robots = robot_ids(&app).await;
    let posts = notes(&app, 1).await;
    let people = accounts(&app, "学生", 6, "student").await;
    let audience: Vec<i64> = people.iter().chain(&robots).copied().collect();
    let id = create(&app, &body(&posts, &audience, &[], 2)).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(step(&app, id, "plan").await.0, StatusCode::OK);
    assert_eq!(step(&app, id, "launch").await.0, StatusCode::OK);
    let list = assignments(&app, id, "").await;
    let of = |acc: i64| {
        list.iter()
            .find(|a| a["account_id"] == acc)
            .unwrap()
            .clone()
    };
    let p: Vec<Value> = people.iter().map(|a| of(*a)).collect();
    let (sent, dropped) = (of(robots[0]), of(robots[1]));

    // Person 0 publishes, 1 opens, 2 fails, 3's link is revoked, 4's time
    // comes and nothing more, 5 waits; robot 0 is sent, robot 1 cancelled.
    for a in [&p[0], &p[1], &p[2], &p[4], &sent] {
        arrive(&app, a).await;
    }
    report(&app, &p[0], "opened").await;
    report(&app, &p[0], "publish_tapped").await;
    confirm(&app, &token_of(&p[0])).await;
    report(&app, &p[1], "opened").await;
    report(&app, &p[2], "sdk_failed").await;
    let res = app
        .post_json(
            &format!("/api/links/{}/revoke", p[3]["link_id"]),
            &json!({}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let res = app
        .post_json(
            &format!("/api/tasks/{}/cancel", dropped["task_id"]),
            &json!({}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let want: HashMap<Value, &str> = [
        (&p[0], "published"),
        (&p[1], "opened"),
        (&p[2], "failed"),
        (&p[3], "cancelled"),
        (&p[4], "open"),
        (&p[5], "scheduled"),
        (&sent, "published"),
        (&dropped, "cancelled"),
    ]
    .into_iter()
    .map(|(a, s)| (a["id"].clone(), s))
    .collect();
    until(&app, id, |a| a["status"] == want[&a["id"]]).await;

    // Stored equals recounted; a link whose time came is stored `scheduled`
    // and read `open` (time alone moves it).
    let before = stored(&app, id).await;
    assert_eq!(before[&p[4]["id"].as_i64().unwrap()], "scheduled");
    assert_eq!(before[&p[0]["id"].as_i64().unwrap()], "published");
    assert_eq!(before[&sent["id"].as_i64().unwrap()], "published");
    let progress: Value = app
        .get(&format!("/api/campaigns/{id}/progress"))
        .await
        .json()
        .await
        .unwrap();
    let o = &progress["overall"];
    let got: Vec<&Value> = [
        "published",
        "opened",
        "failed",
        "cancelled",
        "open",
        "scheduled",
    ]
    .iter()
    .map(|s| &o[*s])
    .collect();
    assert_eq!(
        got,
        [2, 1, 1, 2, 1, 1]
            .map(|n| json!(n))
            .iter()
            .collect::<Vec<_>>(),
        "{progress}"
    );
    for (s, n) in [("open", 1), ("scheduled", 1), ("cancelled", 2)] {
        assert_eq!(
            assignments(&app, id, &format!("status={s}")).await.len(),
            n,
            "{s}"
        );
    }

    // Rows launched before the status was stored: the migration computes it.
    migrate_down_through(&app.db, "m20261207_040000_store_assignment_status").await;
    assert_eq!(
        count_rows(&app.db, "campaign_assignment WHERE status = 'published'").await,
        0,
        "undone"
    );
    xhs_persistence::migrate(&app.db).await.unwrap();
    assert_eq!(stored(&app, id).await, before);
}

fn webhooks_fast(s: &mut xhs_server::Settings) {
    crate::webhooks::fast(s);
}

async fn finished_events(app: &TestApp) -> i64 {
    count_rows(
        &app.db,
        "webhook_event WHERE event_type = 'campaign.finished'",
    )
    .await
}

/// A launched campaign of one note to two people, with an endpoint that
/// listens for `campaign.finished`.
async fn launched() -> (TestApp, i64, Vec<Value>) {
    let app = spawn_app_with(Options {
        settings: Some(webhooks_fast),
        ..Options::default()
    })
    .await;
    crate::webhooks::endpoint(&app, "http://127.0.0.1:9/hook", &["campaign.finished"]).await;
    let posts = notes(&app, 1).await;
    let people = accounts(&app, "学生", 2, "student").await;
    let id = create(&app, &body(&posts, &people, &[], 2)).await["id"]
        .as_i64()
        .unwrap();
    step(&app, id, "plan").await;
    step(&app, id, "launch").await;
    let list = assignments(&app, id, "").await;
    (app, id, list)
}

async fn settle(app: &TestApp) -> u64 {
    xhs_app::campaigns::settle_step(&app.state.app)
        .await
        .unwrap()
}

async fn status(app: &TestApp, id: i64) -> String {
    let v: Value = app
        .get(&format!("/api/campaigns/{id}"))
        .await
        .json()
        .await
        .unwrap();
    v["status"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_settle_step_finishes_a_campaign_once_every_assignment_is_settled_with_one_event() {
    let (app, id, list) = launched().await;
    arrive(&app, &list[0]).await;
    confirm(&app, &token_of(&list[0])).await;
    until(&app, id, |a| {
        a["id"] != list[0]["id"] || a["status"] == "published"
    })
    .await;
    assert_eq!(settle(&app).await, 0, "one assignment is still scheduled");
    arrive(&app, &list[1]).await;
    confirm(&app, &token_of(&list[1])).await;
    until(&app, id, |a| a["status"] == "published").await;
    assert_eq!(finished_events(&app).await, 0, "nobody read the campaign");

    // Two instances' steps at once finish it once.
    let (one, two) = tokio::join!(settle(&app), settle(&app));
    assert_eq!(one + two, 1);
    assert_eq!(settle(&app).await, 0);
    assert_eq!(status(&app, id).await, "finished");
    assert_eq!(finished_events(&app).await, 1);
}

#[tokio::test]
async fn the_settle_step_finishes_a_running_campaign_whose_end_has_passed_unless_paused() {
    let (app, id, _) = launched().await;
    sql(
        &app,
        &format!("UPDATE campaign SET end_at = created_at WHERE id = {id}"),
    )
    .await;
    step(&app, id, "pause").await;
    assert_eq!(
        settle(&app).await,
        0,
        "a paused campaign waits for its operator"
    );
    step(&app, id, "resume").await;
    assert_eq!(settle(&app).await, 1);
    assert_eq!(settle(&app).await, 0);
    assert_eq!(status(&app, id).await, "finished");
    assert_eq!(finished_events(&app).await, 1);
}
