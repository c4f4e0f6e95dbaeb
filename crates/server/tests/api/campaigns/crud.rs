//! Creating, reading, editing and deleting campaigns, and the checks of
//! item 7: every broken rule a 422 naming its field, nothing half-created.
use super::{accounts, at, body, create, day, group, notes};
use crate::helpers::{count_rows, problem, spawn_app, spawn_app_with, Options};
use crate::teams::{add_user, audit_entries, login_as};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_campaign_is_created_read_listed_edited_and_deleted_with_audit_entries() {
    let app = spawn_app().await;
    let posts = notes(&app, 2).await;
    let people = accounts(&app, "学生", 3, "student").await;
    let class = group(&app, "三班", &people[1..]).await;
    let c = create(&app, &body(&posts, &people[..1], &[class], 2)).await;
    let id = c["id"].as_i64().unwrap();
    assert_eq!(
        (c["status"].as_str(), c["pairing"].as_str()),
        (Some("draft"), Some("each_account_every_post"))
    );
    assert_eq!(c["schedule"]["per_account_per_day"], 1);
    assert_eq!(c["schedule"]["min_gap_minutes"], 180);
    assert_eq!(
        c["schedule"]["daily_window"],
        json!({"from": "09:00", "to": "22:00"})
    );
    assert_eq!(
        c["audience"],
        json!({"account_ids": [people[0]], "group_ids": [class]})
    );
    assert_eq!(c["post_ids"], json!(posts));

    let got: Value = app
        .get(&format!("/api/campaigns/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(got["name"], "双十二推广");
    let other = create(&app, &body(&posts[..1], &people, &[], 1)).await;
    let page: Value = app
        .get("/api/campaigns?limit=1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["id"], other["id"], "newest first");
    let next = page["next_cursor"].as_str().unwrap();
    let page: Value = app
        .get(&format!("/api/campaigns?limit=1&cursor={next}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["items"][0]["id"], id);
    let drafts: Value = app
        .get("/api/campaigns?status=running")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(drafts["items"], json!([]));
    for bad in ["paused", ""] {
        let (status, p) = problem(app.get(&format!("/api/campaigns?status={bad}")).await).await;
        assert_eq!(
            (status, p["errors"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("status")),
            "status={bad}"
        );
    }

    // Edit: the version read is required and checked.
    let mut edit = body(&posts, &people, &[], 3);
    edit["name"] = json!("改名");
    edit["version"] = c["version"].clone();
    let res = app.put_json(&format!("/api/campaigns/{id}"), &edit).await;
    assert_eq!(res.status(), StatusCode::OK);
    let edited: Value = res.json().await.unwrap();
    assert_eq!(edited["name"], "改名");
    assert_eq!(edited["audience"]["group_ids"], json!([]));
    let (status, p) = problem(app.put_json(&format!("/api/campaigns/{id}"), &edit).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("version_conflict"))
    );

    assert_eq!(
        app.delete(&format!("/api/campaigns/{id}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let (status, p) = problem(app.get(&format!("/api/campaigns/{id}")).await).await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("campaign"))
    );
    assert_eq!(
        count_rows(&app.db, "campaign_post").await,
        1,
        "only the other's note is left"
    );

    let actions: Vec<String> = audit_entries(&app, "target_type=campaign")
        .await
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    for a in ["create", "update", "delete"] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
}

#[tokio::test]
async fn bad_input_names_each_field_and_rule_and_creates_nothing() {
    let app = spawn_app().await;
    let posts = notes(&app, 1).await;
    let people = accounts(&app, "号", 1, "brand").await;
    let deleted = app.create_post(&crate::helpers::valid_post()).await["id"]
        .as_i64()
        .unwrap();
    app.delete(&format!("/api/posts/{deleted}")).await;
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({"post_ids": [424242]}), "post_ids[0]", "exists"),
        (json!({"post_ids": [deleted]}), "post_ids[0]", "exists"),
        (json!({"post_ids": []}), "post_ids", "range"),
        (
            json!({"post_ids": [posts[0], posts[0]]}),
            "post_ids[1]",
            "one_of",
        ),
        (
            json!({"audience": {"account_ids": [], "group_ids": []}}),
            "audience",
            "required",
        ),
        (
            json!({"audience": {"account_ids": [424242]}}),
            "audience.account_ids[0]",
            "exists",
        ),
        (
            json!({"audience": {"group_ids": [424242]}}),
            "audience.group_ids[0]",
            "exists",
        ),
        (json!({"name": " "}), "name", "required"),
        (
            json!({"schedule": {"end_at": at(day(0), 0, 0)}}),
            "schedule.end_at",
            "after",
        ),
        (
            json!({"schedule": {"daily_window": {"from": "25:00", "to": "22:00"}}}),
            "schedule.daily_window.from",
            "well_formed",
        ),
        (
            json!({"schedule": {"daily_window": {"from": "09:00", "to": "09:00"}}}),
            "schedule.daily_window",
            "required",
        ),
        (
            json!({"schedule": {"per_account_per_day": 0}}),
            "schedule.per_account_per_day",
            "range",
        ),
        (
            json!({"schedule": {"min_gap_minutes": -5}}),
            "schedule.min_gap_minutes",
            "range",
        ),
        (json!({"platforms": ["myspace"]}), "platforms[0]", "one_of"),
        (
            json!({"link_expires_at": at(day(1), 12, 0)}),
            "link_expires_at",
            "after",
        ),
    ];
    for (patch, field, rule) in cases {
        let mut b = body(&posts, &people, &[], 2);
        for (k, v) in patch.as_object().unwrap() {
            match (k.as_str(), v) {
                ("schedule", Value::Object(m)) => {
                    for (sk, sv) in m {
                        b["schedule"][sk] = sv.clone();
                    }
                }
                _ => b[k] = v.clone(),
            }
        }
        let (status, p) = problem(app.post_json("/api/campaigns", &b).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {p}");
        let hit = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == field && e["rule"] == rule);
        assert!(hit, "{field} {rule}: {p}");
    }
    // A window across midnight is allowed and means what it says.
    let mut b = body(&posts, &people, &[], 2);
    b["schedule"]["daily_window"] = json!({"from": "22:00", "to": "02:00"});
    create(&app, &b).await;
    assert_eq!(count_rows(&app.db, "campaign").await, 1);
    assert_eq!(count_rows(&app.db, "campaign_audience").await, 1);
}

#[tokio::test]
async fn a_note_awaiting_approval_is_refused_with_409_and_a_viewer_cannot_write() {
    let app = spawn_app_with(Options {
        settings: Some(|s| s.workflow.approval = true),
        ..Options::default()
    })
    .await;
    let posts = notes(&app, 1).await;
    let people = accounts(&app, "号", 1, "brand").await;
    let (status, p) = problem(
        app.post_json("/api/campaigns", &body(&posts, &people, &[], 1))
            .await,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("post_not_approved"))
    );
    assert_eq!(count_rows(&app.db, "campaign").await, 0);

    add_user(&app, "viewer1", "viewer").await;
    let viewer = login_as(&app, "viewer1").await;
    assert_eq!(viewer.get("/api/campaigns").await.status(), StatusCode::OK);
    let res = viewer
        .post_json("/api/campaigns", &body(&posts, &people, &[], 1))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}
