//! The "done when": 3 notes for 2 groups of 20 accounts over 3
//! days, planned, launched and watched from scheduled to published; a link
//! opened early shows when it opens; no account gets two notes closer than
//! the gap or more than its daily limit, across campaigns. One note has
//! three variants: within each group its accounts get different texts
//! (four with the note's own), and a person's page shows their variant.
use super::{
    accounts, arrive, assert_rules, assignments, body, create, group, notes, step, times, token_of,
    until,
};
use crate::helpers::{problem, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Three variants of `post`, by id with their titles.
async fn three_variants(app: &TestApp, post: i64) -> HashMap<i64, String> {
    let mut out = HashMap::new();
    for label in ["A", "B", "C"] {
        let title = format!("变体{label}的标题");
        let res = app
            .post_json(
                &format!("/api/posts/{post}/variants"),
                &json!({"label": label, "title": title}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let v: Value = res.json().await.unwrap();
        out.insert(v["id"].as_i64().unwrap(), title);
    }
    out
}

/// Within each group, the accounts that got `post` got its four texts
/// (three variants and the note's own) as evenly as they go round: each
/// text 5 times among 20 accounts.
fn assert_dealt_evenly(list: &[Value], post: i64) {
    let mut uses: HashMap<(String, Option<i64>), u32> = HashMap::new();
    for x in list.iter().filter(|x| x["post_id"] == post) {
        let g = x["groups"][0]["name"].as_str().unwrap().to_owned();
        *uses.entry((g, x["variant_id"].as_i64())).or_default() += 1;
    }
    assert_eq!(uses.len(), 8, "4 texts in each of 2 groups: {uses:?}");
    assert!(uses.values().all(|n| *n == 5), "{uses:?}");
}

#[tokio::test]
async fn three_notes_for_two_classes_of_twenty_over_three_days() {
    let app = spawn_app().await;
    let posts = notes(&app, 3).await;
    let variants = three_variants(&app, posts[0]).await;
    let a = accounts(&app, "一班", 20, "student").await;
    let b = accounts(&app, "二班", 20, "student").await;
    let (ga, gb) = (group(&app, "一班", &a).await, group(&app, "二班", &b).await);
    let id = create(&app, &body(&posts, &[], &[ga, gb], 3)).await["id"]
        .as_i64()
        .unwrap();
    let (status, planned) = step(&app, id, "plan").await;
    assert_eq!(
        (status, planned["assignment_count"].as_u64()),
        (StatusCode::OK, Some(120))
    );
    let (status, _) = step(&app, id, "launch").await;
    assert_eq!(status, StatusCode::OK);
    let list = assignments(&app, id, "").await;
    assert_eq!(list.len(), 120);
    assert!(list.iter().all(|x| x["status"] == "scheduled"));
    assert_rules(&times(&list), 1, 180);
    assert_dealt_evenly(&list, posts[0]);
    // A person's page shows the title of the variant they were dealt.
    for x in list.iter().filter(|x| x["post_id"] == posts[0]).take(4) {
        let page: Value = app
            .get(&format!("/api/share/{}", token_of(x)))
            .await
            .json()
            .await
            .unwrap();
        let want = match x["variant_id"].as_i64() {
            Some(v) => variants[&v].clone(),
            None => "第0篇笔记".to_owned(),
        };
        assert_eq!(page["title"], want.as_str(), "{x}");
    }

    // A second campaign for one class over the same days, two a day: the
    // first's notes count, so the rules hold over both.
    let extra = notes(&app, 2).await;
    let mut second = body(&extra, &[], &[ga], 3);
    second["schedule"]["per_account_per_day"] = json!(2);
    let other = create(&app, &second).await["id"].as_i64().unwrap();
    assert_eq!(step(&app, other, "plan").await.0, StatusCode::OK);
    let mut both = list.clone();
    both.extend(assignments(&app, other, "").await);
    assert_rules(&times(&both), 2, 180);

    // Early, the page says when it opens and hands nothing over.
    let first = &list[0];
    let token = token_of(first);
    let page: Value = app
        .get(&format!("/api/share/{token}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        Some(super::instant(&page["opensAt"])),
        Some(super::instant(&first["scheduled_at"]))
    );
    let (status, p) = problem(app.get(&format!("/api/share/{token}/publish")).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("link_not_open_yet"))
    );

    // Its time comes; the person publishes and pastes the note's link.
    arrive(&app, first).await;
    // The share page's cache of resolved links may hold the old opening
    // for up to `cache.link_ttl_ms`: wait for the link to open.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let res = app.get(&format!("/api/share/{token}/publish")).await;
        if res.status().is_success() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{}", res.status());
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let res = app
        .client
        .post(app.url(&format!("/api/share/{token}/confirm")))
        .json(&json!({"note_url": "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    until(&app, id, |x| {
        x["id"] != first["id"] || x["status"] == "published"
    })
    .await;
    let pr: Value = app
        .get(&format!("/api/campaigns/{id}/progress"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            pr["overall"]["published"].as_u64(),
            pr["overall"]["scheduled"].as_u64()
        ),
        (Some(1), Some(119))
    );
    let groups: Vec<u64> = pr["by_group"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["counts"]["total"].as_u64().unwrap())
        .collect();
    assert_eq!(groups, [60, 60]);
}
