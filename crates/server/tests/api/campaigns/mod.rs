//! Campaigns (issue 19 items 3, 7 and 8): create and edit with their
//! checks, plan under the schedule's rules across campaigns and robot
//! tasks, launch into links and robot tasks once, pause, resume and cancel,
//! the assignments list, moving one, progress and reminders.
mod crud;
mod launch;
mod plan;
mod progress;
mod scenario;
mod stored;

use crate::helpers::{valid_post, TestApp};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashMap;

/// A local day `n` days from today in Shanghai (the default statistics zone).
pub fn day(n: i64) -> NaiveDate {
    Utc::now().with_timezone(&Shanghai).date_naive() + Duration::days(n)
}

/// The instant of a local time on a local day, in RFC 3339.
pub fn at(d: NaiveDate, hh: u32, mm: u32) -> String {
    let t = d.and_hms_opt(hh, mm, 0).unwrap();
    Shanghai.from_local_datetime(&t).unwrap().to_rfc3339()
}

pub async fn accounts(app: &TestApp, prefix: &str, n: usize, kind: &str) -> Vec<i64> {
    let mut out = Vec::new();
    for i in 0..n {
        let res = app
            .post_json(
                "/api/accounts",
                &json!({"name": format!("{prefix}{i:02}"), "kind": kind}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        out.push(res.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    out
}

pub async fn group(app: &TestApp, name: &str, ids: &[i64]) -> i64 {
    let res = app.post_json("/api/groups", &json!({"name": name})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let res = app
        .post_json(
            &format!("/api/groups/{id}/members"),
            &json!({"account_ids": ids}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    id
}

pub async fn notes(app: &TestApp, n: usize) -> Vec<i64> {
    let mut out = Vec::new();
    for i in 0..n {
        let mut p = valid_post();
        p["title"] = json!(format!("第{i}篇笔记"));
        out.push(app.create_post(&p).await["id"].as_i64().unwrap());
    }
    out
}

/// A campaign over `days` local days from tomorrow, 09:00 to 22:00.
pub fn body(posts: &[i64], accounts: &[i64], groups: &[i64], days: i64) -> Value {
    json!({
        "name": "双十二推广",
        "post_ids": posts,
        "audience": {"account_ids": accounts, "group_ids": groups},
        "schedule": {
            "start_at": at(day(1), 0, 0),
            "end_at": at(day(1 + days), 0, 0),
            "daily_window": {"from": "09:00", "to": "22:00"},
        },
    })
}

pub async fn create(app: &TestApp, body: &Value) -> Value {
    let res = app.post_json("/api/campaigns", body).await;
    let status = res.status();
    let v: Value = res.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{v}");
    v
}

pub async fn step(app: &TestApp, id: i64, what: &str) -> (StatusCode, Value) {
    let res = app
        .post_json(&format!("/api/campaigns/{id}/{what}"), &json!({}))
        .await;
    let status = res.status();
    if status.is_server_error() {
        panic!("{what}: {status}: {:?}", failures());
    }
    (status, res.json().await.unwrap())
}

/// Every assignment of a campaign matching `query`, page by page.
pub async fn assignments(app: &TestApp, id: i64, query: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor = String::new();
    loop {
        let res = app
            .get(&format!(
                "/api/campaigns/{id}/assignments?limit=100&cursor={cursor}&{query}"
            ))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{:?}", failures());
        let page: Value = res.json().await.unwrap();
        out.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.to_owned(),
            None => return out,
        }
    }
}

pub fn instant(v: &Value) -> DateTime<Utc> {
    let s = v.as_str().unwrap_or_else(|| panic!("not an instant: {v}"));
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

/// Checks the plan's rules over `(account, instant)` pairs: within
/// 09:00-22:00 local, at most `per_day` a local day and `gap` minutes
/// apart per account.
pub fn assert_rules(times: &[(i64, DateTime<Utc>)], per_day: usize, gap: i64) {
    let mut by_account: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for (a, t) in times {
        let local = t.with_timezone(&Shanghai).time();
        assert!(
            local >= chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap()
                && local < chrono::NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
            "{t} lies outside the window"
        );
        by_account.entry(*a).or_default().push(*t);
    }
    for (a, mut ts) in by_account {
        ts.sort();
        for w in ts.windows(2) {
            assert!(
                (w[1] - w[0]).num_minutes() >= gap,
                "account {a}: {} and {} are closer than {gap} min",
                w[0],
                w[1]
            );
        }
        let mut days: HashMap<NaiveDate, usize> = HashMap::new();
        for t in &ts {
            *days
                .entry(t.with_timezone(&Shanghai).date_naive())
                .or_default() += 1;
        }
        assert!(
            days.values().all(|n| *n <= per_day),
            "account {a}: {days:?}"
        );
    }
}

/// `(account, instant)` of assignments as listed.
pub fn times(list: &[Value]) -> Vec<(i64, DateTime<Utc>)> {
    list.iter()
        .map(|a| {
            (
                a["account_id"].as_i64().unwrap(),
                instant(&a["scheduled_at"]),
            )
        })
        .collect()
}

/// Runs a statement on the test's database (to let time pass for a link or
/// a task: its instant moved to when it was made).
pub async fn sql(app: &TestApp, stmt: &str) {
    use xhs_persistence::ConnectionTrait;
    app.db.execute_unprepared(stmt).await.unwrap();
}

/// Makes an assignment's time come: its instant, its link's opening or its
/// task's due time move to when they were made.
pub async fn arrive(app: &TestApp, assignment: &Value) {
    let id = assignment["id"].as_i64().unwrap();
    sql(
        app,
        &format!("UPDATE campaign_assignment SET scheduled_at = created_at WHERE id = {id}"),
    )
    .await;
    if let Some(l) = assignment["link_id"].as_i64() {
        sql(
            app,
            &format!("UPDATE share_link SET not_before = created_at WHERE id = {l}"),
        )
        .await;
    }
    if let Some(t) = assignment["task_id"].as_i64() {
        sql(
            app,
            &format!("UPDATE robot_task SET not_before = created_at WHERE id = {t}"),
        )
        .await;
    }
}

/// Polls the campaign's assignments until `done` holds for all of them.
pub async fn until(app: &TestApp, id: i64, done: impl Fn(&Value) -> bool) -> Vec<Value> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let list = assignments(app, id, "").await;
        if list.iter().all(&done) {
            return list;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "not reached: {list:#?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

pub fn token_of(a: &Value) -> String {
    a["link_url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

/// The causes of 500s the server logged (to explain a failed test).
pub fn failures() -> Vec<String> {
    crate::helpers::captured_logs()
        .lines()
        .filter(|l| l.contains("request failed"))
        .map(str::to_owned)
        .collect()
}

/// Answers carrying the campaigns' own codes, for `codes.rs`:
/// `schedule_infeasible`, `campaign_state` and `link_paused`.
pub async fn error_codes() -> Vec<reqwest::Response> {
    let app = crate::helpers::spawn_app().await;
    let posts = notes(&app, 3).await;
    let people = accounts(&app, "号", 1, "brand").await;
    let id = create(&app, &body(&posts, &people, &[], 1)).await["id"]
        .as_i64()
        .unwrap();
    let url = |what: &str| format!("/api/campaigns/{id}/{what}");
    let infeasible = app.post_json(&url("plan"), &json!({})).await;
    let not_planned = app.post_json(&url("launch"), &json!({})).await;
    // A link held by a paused campaign.
    let held = create(&app, &body(&posts[..1], &people, &[], 1)).await["id"]
        .as_i64()
        .unwrap();
    step(&app, held, "plan").await;
    step(&app, held, "launch").await;
    step(&app, held, "pause").await;
    let link = &assignments(&app, held, "").await[0];
    let paused = app
        .get(&format!("/api/share/{}/publish", token_of(link)))
        .await;
    vec![infeasible, not_planned, paused]
}
