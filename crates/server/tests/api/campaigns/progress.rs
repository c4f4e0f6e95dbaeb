//! Where people stand, after real opens, taps and pasted note links through
//! the public share endpoints: the assignments list with its filters and
//! paging, moving one under the rules, progress counts and reminders.
use super::{
    accounts, arrive, assignments, at, body, create, day, group, instant, notes, step, token_of,
    until,
};
use crate::helpers::{problem, spawn_app, TestApp};
use crate::share::event;
use chrono_tz::Asia::Shanghai;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashSet;

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

async fn get(app: &TestApp, path: &str) -> Value {
    let res = app.get(path).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn progress_assignments_and_reminders_follow_real_opens_taps_and_confirmations() {
    let app = spawn_app().await;
    let posts = notes(&app, 2).await;
    let people = accounts(&app, "学生", 3, "student").await;
    let class = group(&app, "三班", &people).await;
    let id = create(&app, &body(&posts, &[], &[class], 3)).await["id"]
        .as_i64()
        .unwrap();
    step(&app, id, "plan").await;
    step(&app, id, "launch").await;
    let first_note = assignments(&app, id, &format!("post_id={}", posts[0])).await;
    assert_eq!(first_note.len(), 3);
    let by = |acc: i64| {
        first_note
            .iter()
            .find(|a| a["account_id"] == acc)
            .unwrap()
            .clone()
    };
    let (done, seen, open) = (by(people[0]), by(people[1]), by(people[2]));
    for a in [&done, &seen, &open] {
        arrive(&app, a).await;
    }
    for kind in ["opened", "publish_tapped"] {
        assert!(event(&app, &token_of(&done), json!({"kind": kind}))
            .await
            .status()
            .is_success());
    }
    confirm(&app, &token_of(&done)).await;
    assert!(event(&app, &token_of(&seen), json!({"kind": "opened"}))
        .await
        .status()
        .is_success());
    let want = |a: &Value| -> &str {
        if a["id"] == done["id"] {
            "published"
        } else if a["id"] == seen["id"] {
            "opened"
        } else if a["id"] == open["id"] {
            "open"
        } else {
            "scheduled"
        }
    };
    until(&app, id, |a| a["status"] == want(a)).await;

    // The list: filters and paging.
    let published = assignments(&app, id, "status=published").await;
    assert_eq!(published.len(), 1);
    let p = &published[0];
    assert_eq!(
        (p["note_url"].as_str(), p["account_name"].as_str()),
        (Some(NOTE), Some("学生00"))
    );
    for t in ["opened_at", "tapped_at", "published_at"] {
        assert!(p[t].is_string(), "{t}: {p}");
    }
    assert_eq!(p["groups"][0]["name"], "三班");
    assert_eq!(
        assignments(&app, id, &format!("account_id={}", people[1]))
            .await
            .len(),
        2
    );
    assert_eq!(
        assignments(&app, id, &format!("group_id={class}"))
            .await
            .len(),
        6
    );
    assert_eq!(assignments(&app, id, "status=scheduled").await.len(), 3);
    let page = get(&app, &format!("/api/campaigns/{id}/assignments?limit=4")).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 4);
    let next = page["next_cursor"].as_str().unwrap();
    let rest = get(
        &app,
        &format!("/api/campaigns/{id}/assignments?limit=4&cursor={next}"),
    )
    .await;
    assert_eq!(rest["items"].as_array().unwrap().len(), 2);
    assert!(rest["next_cursor"].is_null());
    let (status, e) = problem(
        app.get(&format!("/api/campaigns/{id}/assignments?status=done"))
            .await,
    )
    .await;
    assert_eq!(
        (status, e["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("status"))
    );

    // Progress.
    let pr = get(&app, &format!("/api/campaigns/{id}/progress")).await;
    let o = &pr["overall"];
    assert_eq!(
        [
            &o["published"],
            &o["opened"],
            &o["open"],
            &o["scheduled"],
            &o["total"]
        ],
        [&json!(1), &json!(1), &json!(1), &json!(3), &json!(6)],
        "{pr}"
    );
    assert!((pr["published_share"].as_f64().unwrap() - 1.0 / 6.0).abs() < 1e-9);
    let note0 = pr["by_post"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["post_id"] == posts[0])
        .unwrap();
    assert_eq!(
        (
            note0["counts"]["published"].as_u64(),
            note0["counts"]["total"].as_u64()
        ),
        (Some(1), Some(3))
    );
    assert_eq!(pr["by_group"][0]["counts"]["total"], 6);
    assert_eq!(
        pr["by_variant"].as_array().unwrap().len(),
        2,
        "each note's own text"
    );
    let me = pr["by_account"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["account_id"] == people[0])
        .unwrap();
    assert_eq!(
        (me["counts"]["published"].as_u64(), me["name"].as_str()),
        (Some(1), Some("学生00"))
    );
    // Per account and per group too, a due link stored `scheduled` counts as open.
    let waiting = pr["by_account"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["account_id"] == people[2])
        .unwrap();
    assert_eq!(
        (
            waiting["counts"]["open"].as_u64(),
            waiting["counts"]["scheduled"].as_u64()
        ),
        (Some(1), Some(1)),
        "{waiting}"
    );
    assert_eq!(pr["by_group"][0]["counts"]["open"], 1);

    // Reminders: everyone not published, with their own link.
    let r = get(&app, &format!("/api/campaigns/{id}/reminders")).await;
    let people_r = r["people"].as_array().unwrap();
    assert_eq!(people_r.len(), 5);
    for p in people_r {
        let url = p["assignment"]["link_url"].as_str().unwrap();
        assert!(p["message"].as_str().unwrap().contains(url), "{p}");
        assert!(p["message"].as_str().unwrap().contains("你好"));
        assert!(r["groups"][0]["text"].as_str().unwrap().contains(url));
        assert!(r["all_text"].as_str().unwrap().contains(url));
    }
    assert!(!r["all_text"].as_str().unwrap().contains(&token_of(&done)));
    assert_eq!(r["groups"][0]["count"], 5);
}

#[tokio::test]
async fn moving_an_assignment_keeps_the_rules_and_moves_its_link() {
    let app = spawn_app().await;
    let posts = notes(&app, 2).await;
    let people = accounts(&app, "号", 1, "brand").await;
    let id = create(&app, &body(&posts, &people, &[], 3)).await["id"]
        .as_i64()
        .unwrap();
    step(&app, id, "plan").await;
    step(&app, id, "launch").await;
    let list = assignments(&app, id, "").await;
    let (mine, other) = (&list[0], &list[1]);
    let url = format!("/api/campaigns/{id}/assignments/{}", mine["id"]);
    let other_at = instant(&other["scheduled_at"]);
    let near = (other_at + chrono::Duration::minutes(10)).to_rfc3339();
    let used: HashSet<_> = list
        .iter()
        .map(|a| {
            instant(&a["scheduled_at"])
                .with_timezone(&Shanghai)
                .date_naive()
        })
        .collect();
    let free = (1..=3).map(day).find(|d| !used.contains(d)).unwrap();
    for (to, rule) in [
        (at(free, 3, 0), "daily_window"),
        (at(day(4), 12, 0), "range"),
        (near, "min_gap"),
        (at(day(-1), 12, 0), "future"),
    ] {
        let (status, p) = problem(app.put_json(&url, &json!({"scheduled_at": to})).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{to}: {p}");
        assert_eq!(
            (
                p["errors"][0]["field"].as_str(),
                p["errors"][0]["rule"].as_str()
            ),
            (Some("scheduled_at"), Some(rule)),
            "{p}"
        );
    }
    let to = at(free, 12, 0);
    let res = app.put_json(&url, &json!({"scheduled_at": to})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let moved: Value = res.json().await.unwrap();
    assert_eq!(instant(&moved["scheduled_at"]), instant(&json!(to)));
    let link = get(&app, &format!("/api/links/{}", mine["link_id"])).await;
    assert_eq!(instant(&link["not_before"]), instant(&json!(to)));
    let (status, _) = problem(
        app.put_json(
            &format!("/api/campaigns/{id}/assignments/424242"),
            &json!({"scheduled_at": to}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
