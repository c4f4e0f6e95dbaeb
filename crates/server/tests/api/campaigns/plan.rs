//! The plan: spread inside the window, under the day's limit and the gap,
//! counting other running campaigns and robot tasks; an infeasible window
//! refused naming each account; planned again until launch.
use super::{
    accounts, assert_rules, assignments, at, body, create, day, instant, notes, step, times,
};
use crate::helpers::{count_rows, problem, spawn_app};
use chrono::Timelike;
use chrono_tz::Asia::Shanghai;
use reqwest::StatusCode;
use serde_json::json;
use std::collections::HashSet;

#[tokio::test]
async fn a_plan_spreads_every_assignment_inside_the_window_under_the_limits() {
    let app = spawn_app().await;
    let posts = notes(&app, 2).await;
    let people = accounts(&app, "品牌号", 10, "brand").await;
    let c = create(&app, &body(&posts, &people, &[], 3)).await;
    let id = c["id"].as_i64().unwrap();
    let (status, planned) = step(&app, id, "plan").await;
    assert_eq!(status, StatusCode::OK, "{planned}");
    assert_eq!(
        (
            planned["status"].as_str(),
            planned["assignment_count"].as_u64()
        ),
        (Some("planned"), Some(20))
    );
    let list = assignments(&app, id, "").await;
    assert_eq!(list.len(), 20);
    assert!(list
        .iter()
        .all(|a| a["status"] == "planned" && a["channel"] == "link"));
    let pairs: HashSet<(i64, i64)> = list
        .iter()
        .map(|a| {
            (
                a["account_id"].as_i64().unwrap(),
                a["post_id"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(pairs.len(), 20, "every account gets every note once");
    assert_rules(&times(&list), 1, 180);
    // Spread and jittered: not all at the window's first minute, nor in lockstep.
    let instants: HashSet<_> = list.iter().map(|a| instant(&a["scheduled_at"])).collect();
    assert!(instants.len() >= 18, "{} distinct instants", instants.len());
    let at_opening = list
        .iter()
        .filter(|a| instant(&a["scheduled_at"]).with_timezone(&Shanghai).hour() == 9)
        .count();
    assert!(at_opening < 10, "{at_opening} of 20 in the first hour");

    // Planned again: replaced, not added to.
    let (status, again) = step(&app, id, "plan").await;
    assert_eq!(
        (status, again["assignment_count"].as_u64()),
        (StatusCode::OK, Some(20))
    );
    assert_eq!(count_rows(&app.db, "campaign_assignment").await, 20);
}

#[tokio::test]
async fn an_infeasible_window_is_refused_naming_each_account_and_the_slots_it_lacks() {
    let app = spawn_app().await;
    let posts = notes(&app, 3).await;
    let people = accounts(&app, "学生", 2, "student").await;
    let id = create(&app, &body(&posts, &people, &[], 2)).await["id"]
        .as_i64()
        .unwrap();
    let (status, p) = problem(
        app.post_json(&format!("/api/campaigns/{id}/plan"), &json!({}))
            .await,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("schedule_infeasible")
        ),
        "{p}"
    );
    let short = p["shortfalls"].as_array().unwrap();
    assert_eq!(short.len(), 2, "{p}");
    for (s, account) in short.iter().zip(&people) {
        assert_eq!(s["account_id"].as_i64(), Some(*account));
        assert_eq!(
            (
                s["needed"].as_u64(),
                s["available"].as_u64(),
                s["lacking"].as_u64()
            ),
            (Some(3), Some(2), Some(1))
        );
        assert!(s["account_name"].as_str().unwrap().starts_with("学生"));
    }
    assert_eq!(p["errors"][0]["field"], "schedule");
    assert_eq!(
        count_rows(&app.db, "campaign_assignment").await,
        0,
        "nothing dropped, nothing stored"
    );
    let c: serde_json::Value = app
        .get(&format!("/api/campaigns/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(c["status"], "draft");
}

#[tokio::test]
async fn the_gap_and_the_day_limit_hold_across_running_campaigns() {
    let app = spawn_app().await;
    let posts = notes(&app, 3).await;
    let people = accounts(&app, "号", 6, "partner").await;
    let mut first = body(&posts[..1], &people, &[], 2);
    first["schedule"]["per_account_per_day"] = json!(2);
    first["schedule"]["min_gap_minutes"] = json!(240);
    let a = create(&app, &first).await["id"].as_i64().unwrap();
    assert_eq!(step(&app, a, "plan").await.0, StatusCode::OK);
    assert_eq!(step(&app, a, "launch").await.0, StatusCode::OK);
    let mut second = body(&posts[1..2], &people, &[], 2);
    second["schedule"]["per_account_per_day"] = json!(2);
    second["schedule"]["min_gap_minutes"] = json!(240);
    let b = create(&app, &second).await["id"].as_i64().unwrap();
    assert_eq!(step(&app, b, "plan").await.0, StatusCode::OK);
    let mut all = assignments(&app, a, "").await;
    all.extend(assignments(&app, b, "").await);
    assert_eq!(all.len(), 12);
    assert_rules(&times(&all), 2, 240);

    // Once the second runs too, three more each over the two days (four
    // slots, two taken) are refused, naming all six.
    assert_eq!(step(&app, b, "launch").await.0, StatusCode::OK);
    let mut third = body(&posts, &people, &[], 2);
    third["schedule"]["per_account_per_day"] = json!(2);
    let c = create(&app, &third).await["id"].as_i64().unwrap();
    let (status, p) = step(&app, c, "plan").await;
    assert_eq!(
        (status, p["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("schedule_infeasible")
        )
    );
    assert_eq!(p["shortfalls"].as_array().unwrap().len(), 6, "{p}");
}

#[tokio::test]
async fn a_window_across_midnight_places_notes_at_night() {
    let app = spawn_app().await;
    let posts = notes(&app, 2).await;
    let people = accounts(&app, "夜猫", 3, "test").await;
    let mut b = body(&posts, &people, &[], 3);
    b["schedule"]["daily_window"] = json!({"from": "22:00", "to": "02:00"});
    b["schedule"]["min_gap_minutes"] = json!(60);
    let id = create(&app, &b).await["id"].as_i64().unwrap();
    let (status, p) = step(&app, id, "plan").await;
    assert_eq!(status, StatusCode::OK, "{p}");
    let list = assignments(&app, id, "").await;
    assert_eq!(list.len(), 6);
    for a in &list {
        let h = instant(&a["scheduled_at"]).with_timezone(&Shanghai).hour();
        assert!(!(2..22).contains(&h), "{a}");
    }
}

#[tokio::test]
async fn a_start_in_the_past_is_refused_at_plan_time_naming_the_field() {
    let app = spawn_app().await;
    let posts = notes(&app, 1).await;
    let people = accounts(&app, "号", 1, "brand").await;
    let mut b = body(&posts, &people, &[], 2);
    b["schedule"]["start_at"] = json!(at(day(-1), 0, 0));
    let id = create(&app, &b).await["id"].as_i64().unwrap();
    let (status, p) = step(&app, id, "plan").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        (
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["rule"].as_str()
        ),
        (Some("schedule.start_at"), Some("future"))
    );
}
