//! Launch: links that open at their instant for people, tasks due at their
//! instant for robots, made once however many launches run; pause, resume
//! and cancel touch only what reached nobody.
use super::{accounts, arrive, assignments, body, create, notes, step, token_of, until};
use crate::fleet::{fast, fleet, robot_ids};
use crate::helpers::{count_rows, problem, spawn_app};
use crate::share::event;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_launch_makes_one_link_per_person_opening_at_its_instant_even_when_run_twice_at_once() {
    let app = spawn_app().await;
    let posts = notes(&app, 2).await;
    let people = accounts(&app, "学生", 3, "student").await;
    let mut b = body(&posts, &people, &[], 3);
    b["link_expires_at"] = json!(super::at(super::day(10), 0, 0));
    let id = create(&app, &b).await["id"].as_i64().unwrap();
    assert_eq!(step(&app, id, "plan").await.0, StatusCode::OK);
    let (one, two) = tokio::join!(step(&app, id, "launch"), step(&app, id, "launch"));
    let mut statuses = [one.0, two.0];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::CONFLICT],
        "{one:?} {two:?}"
    );
    let refused = if one.0 == StatusCode::CONFLICT {
        &one.1
    } else {
        &two.1
    };
    assert_eq!(
        (
            refused["code"].as_str(),
            refused["campaign_status"].as_str()
        ),
        (Some("campaign_state"), Some("running"))
    );
    assert_eq!(
        count_rows(&app.db, "share_link").await,
        6,
        "one set of links"
    );
    assert_eq!(count_rows(&app.db, "publish_record").await, 6);

    let list = assignments(&app, id, "").await;
    for a in &list {
        assert_eq!(a["status"], "scheduled", "{a}");
        let link: Value = app
            .get(&format!("/api/links/{}", a["link_id"]))
            .await
            .json()
            .await
            .unwrap();
        assert!(link["not_before"].is_string(), "{link}");
        assert_eq!(
            super::instant(&link["not_before"]),
            super::instant(&a["scheduled_at"]),
            "{link}"
        );
        assert!(link["expires_at"].is_string(), "{link}");
        assert_eq!(
            super::instant(&link["expires_at"]),
            super::instant(&b["link_expires_at"])
        );
        assert_eq!(link["account_id"], a["account_id"]);
        // Before its time the page says when it opens and hands nothing over.
        let token = token_of(a);
        let page: Value = app
            .get(&format!("/api/share/{token}"))
            .await
            .json()
            .await
            .unwrap();
        assert!(page["opensAt"].is_string(), "{page}");
        assert_eq!(
            super::instant(&page["opensAt"]),
            super::instant(&a["scheduled_at"]),
            "{page}"
        );
        let (status, p) = problem(app.get(&format!("/api/share/{token}/publish")).await).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (StatusCode::CONFLICT, Some("link_not_open_yet"))
        );
    }
    // Launched: no more planning or editing.
    let (status, p) = step(&app, id, "plan").await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("campaign_state"))
    );
    assert_eq!(
        app.delete(&format!("/api/campaigns/{id}")).await.status(),
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn robot_assignments_become_tasks_that_are_not_sent_before_their_time() {
    let (robots, app) = fleet(2, fast).await;
    let ids = robot_ids(&app).await;
    let posts = notes(&app, 1).await;
    // One variant: of the two robots one sends it, the other the note.
    let res = app
        .post_json(
            &format!("/api/posts/{}/variants", posts[0]),
            &json!({"label": "B", "title": "机器人的变体"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = create(&app, &body(&posts, &ids, &[], 2)).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(step(&app, id, "plan").await.0, StatusCode::OK);
    let (status, launched) = step(&app, id, "launch").await;
    assert_eq!(status, StatusCode::OK, "{launched}");
    let list = assignments(&app, id, "").await;
    assert_eq!(list.len(), 2);
    for a in &list {
        assert_eq!(
            (a["channel"].as_str(), a["status"].as_str()),
            (Some("robot"), Some("scheduled")),
            "{a}"
        );
        assert_eq!(a["task_status"], "queued");
        assert!(a["link_id"].is_null());
    }
    // The dispatcher's own step, however often it runs, sends nothing early.
    for _ in 0..3 {
        let report = xhs_app::fleet::dispatcher::step(&app.state.app, "test")
            .await
            .unwrap();
        assert_eq!(report.sent, 0);
    }
    assert_eq!(robots.publish_requests(), 0);
    let tasks: Value = app.get("/api/tasks?limit=10").await.json().await.unwrap();
    for t in tasks["items"].as_array().unwrap() {
        let a = list.iter().find(|a| a["task_id"] == t["id"]).unwrap();
        assert_eq!(
            super::instant(&t["not_before"]),
            super::instant(&a["scheduled_at"])
        );
        assert_eq!(
            t["variant_id"], a["variant_id"],
            "the task names its variant: {t}"
        );
    }
    // Its time comes for one: that one is sent and published, the other waits.
    arrive(&app, &list[0]).await;
    let first = list[0]["id"].clone();
    let done = until(&app, id, |a| a["id"] != first || a["status"] == "published").await;
    let other = done.iter().find(|a| a["id"] != first).unwrap();
    assert_eq!(other["status"], "scheduled");
    assert_eq!(robots.publish_requests(), 1);
    let variants: Vec<bool> = list.iter().map(|a| a["variant_id"].is_i64()).collect();
    assert_eq!(variants.iter().filter(|v| **v).count(), 1, "{list:?}");
    let want = if variants[0] {
        "机器人的变体"
    } else {
        "第0篇笔记"
    };
    assert_eq!(robots.calls()[0].body["title"], want);
}

#[tokio::test]
async fn pause_holds_resume_restores_and_cancel_revokes_only_what_reached_nobody() {
    let app = spawn_app().await;
    let posts = notes(&app, 1).await;
    let people = accounts(&app, "学生", 2, "student").await;
    let id = create(&app, &body(&posts, &people, &[], 2)).await["id"]
        .as_i64()
        .unwrap();
    step(&app, id, "plan").await;
    step(&app, id, "launch").await;
    let list = assignments(&app, id, "").await;
    let (seen, unseen) = (&list[0], &list[1]);
    arrive(&app, seen).await;
    let res = event(&app, &token_of(seen), json!({"kind": "opened"})).await;
    assert!(res.status().is_success());
    until(&app, id, |a| {
        a["id"] != seen["id"] || a["status"] == "opened"
    })
    .await;

    let link = |a: &Value| format!("/api/links/{}", a["link_id"]);
    let (status, paused) = step(&app, id, "pause").await;
    assert_eq!(status, StatusCode::OK);
    assert!(paused["paused_at"].is_string());
    let held: Value = app.get(&link(unseen)).await.json().await.unwrap();
    assert!(
        held["not_before"].as_str().unwrap().starts_with("9000-"),
        "{held}"
    );
    let (status, p) = step(&app, id, "pause").await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("campaign_state"))
    );

    let (status, resumed) = step(&app, id, "resume").await;
    assert_eq!(status, StatusCode::OK);
    assert!(resumed["paused_at"].is_null());
    let back: Value = app.get(&link(unseen)).await.json().await.unwrap();
    assert_eq!(
        super::instant(&back["not_before"]),
        super::instant(&unseen["scheduled_at"])
    );

    let (status, cancelled) = step(&app, id, "cancel").await;
    assert_eq!(
        (status, cancelled["status"].as_str()),
        (StatusCode::OK, Some("cancelled"))
    );
    let revoked: Value = app.get(&link(unseen)).await.json().await.unwrap();
    assert_eq!(revoked["status"], "revoked");
    let kept: Value = app.get(&link(seen)).await.json().await.unwrap();
    assert_eq!(kept["status"], "active", "an opened link is not touched");
    let after = assignments(&app, id, "").await;
    let status_of =
        |a: &Value| after.iter().find(|x| x["id"] == a["id"]).unwrap()["status"].clone();
    assert_eq!(
        (status_of(seen), status_of(unseen)),
        (json!("opened"), json!("cancelled"))
    );
    let (status, p) = step(&app, id, "cancel").await;
    assert_eq!(
        (status, p["campaign_status"].as_str()),
        (StatusCode::CONFLICT, Some("cancelled"))
    );
}

#[tokio::test]
async fn a_link_held_by_a_paused_campaign_says_it_is_paused_instead_of_an_opening_time() {
    let app = spawn_app().await;
    let posts = notes(&app, 1).await;
    let people = accounts(&app, "学生", 2, "student").await;
    let id = create(&app, &body(&posts, &people, &[], 2)).await["id"]
        .as_i64()
        .unwrap();
    step(&app, id, "plan").await;
    step(&app, id, "launch").await;
    let list = assignments(&app, id, "").await;
    let (reached, held) = (&list[0], &list[1]);
    arrive(&app, reached).await;
    let res = event(&app, &token_of(reached), json!({"kind": "opened"})).await;
    assert!(res.status().is_success());
    until(&app, id, |a| {
        a["id"] != reached["id"] || a["status"] == "opened"
    })
    .await;
    assert_eq!(step(&app, id, "pause").await.0, StatusCode::OK);

    let page = |a: &Value| format!("/api/share/{}", token_of(a));
    let shown: Value = app.get(&page(held)).await.json().await.unwrap();
    assert_eq!(shown["paused"], true, "{shown}");
    assert!(shown.get("opensAt").is_none(), "no 9000-01-01: {shown}");
    let (status, p) = problem(app.get(&format!("{}/publish", page(held))).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("link_paused"))
    );
    // A link its person already reached is not held.
    let open: Value = app.get(&page(reached)).await.json().await.unwrap();
    assert!(
        open.get("paused").is_none() && open.get("opensAt").is_none(),
        "{open}"
    );

    assert_eq!(step(&app, id, "resume").await.0, StatusCode::OK);
    let shown: Value = app.get(&page(held)).await.json().await.unwrap();
    assert!(shown.get("paused").is_none(), "{shown}");
    assert_eq!(
        super::instant(&shown["opensAt"]),
        super::instant(&held["scheduled_at"])
    );
}
