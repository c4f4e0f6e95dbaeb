//! The people of a note (issue 19 item 5): a row per link with where its
//! person stands, an unfinished filter, and the reminders (催办).
use crate::helpers::{problem, spawn_app, valid_post, TestApp};
use crate::share::event;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn link(app: &TestApp, post: i64, body: Value) -> Value {
    let res = app
        .post_json(&format!("/api/posts/{post}/links"), &body)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.unwrap()
}

async fn ok(app: &TestApp, path: &str) -> Value {
    let res = app.get(path).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.json().await.unwrap()
}

/// (name or label, status) of each row.
fn rows(body: &Value) -> Vec<(String, String)> {
    body.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let name = p["account_name"].as_str().or(p["label"].as_str()).unwrap();
            (name.to_owned(), p["status"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[tokio::test]
async fn a_teacher_sees_each_person_of_a_note_and_reminds_the_unfinished() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let (wang, li, zhao) = (
        app.create_account("王同学", "student").await,
        app.create_account("李同学", "student").await,
        app.create_account("赵同学", "student").await,
    );
    let class = app.post_json("/api/groups", &json!({"name": "三班"})).await;
    let class = class.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let res = app
        .post_json(
            &format!("/api/groups/{class}/members"),
            &json!({"account_ids": [wang, li]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let w = link(&app, post, json!({"account_id": wang})).await;
    let l = link(&app, post, json!({"account_id": li})).await;
    let z = link(
        &app,
        post,
        json!({"account_id": zhao, "not_before": "2099-01-01T08:00:00Z"}),
    )
    .await;
    let gone = link(&app, post, json!({"label": "旧链接"})).await;
    let fresh = link(&app, post, json!({"label": "家长群"})).await;

    let token = |l: &Value| l["token"].as_str().unwrap().to_owned();
    for kind in ["opened", "publish_tapped"] {
        let res = event(&app, &token(&w), json!({"kind": kind})).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    }
    let note = "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b";
    let res = app
        .client
        .post(app.url(&format!("/api/share/{}/confirm", token(&w))))
        .json(&json!({"note_url": note}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    let res = event(&app, &token(&l), json!({"kind": "opened"})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = app
        .post_json(&format!("/api/links/{}/revoke", gone["id"]), &json!({}))
        .await;
    assert!(res.status().is_success(), "{}", res.status());

    let all = ok(&app, &format!("/api/posts/{post}/people")).await;
    assert_eq!(
        rows(&all),
        pairs(&[
            ("家长群", "open"),
            ("旧链接", "revoked"),
            ("赵同学", "scheduled"),
            ("李同学", "opened"),
            ("王同学", "published"),
        ])
    );
    let wang_row = &all[4];
    assert_eq!(wang_row["groups"], json!([{"id": class, "name": "三班"}]));
    assert_eq!(wang_row["note_url"], note);
    for time in ["opened_at", "tapped_at", "published_at"] {
        assert!(wang_row[time].is_string(), "{time}: {wang_row}");
    }
    assert!(all[3]["opened_at"].is_string() && all[3]["tapped_at"].is_null());
    assert_eq!(all[2]["not_before"], "2099-01-01T08:00:00Z");

    let unfinished = ok(&app, &format!("/api/posts/{post}/people?unfinished=true")).await;
    assert_eq!(
        rows(&unfinished),
        pairs(&[
            ("家长群", "open"),
            ("赵同学", "scheduled"),
            ("李同学", "opened")
        ])
    );

    let reminders = ok(&app, &format!("/api/posts/{post}/reminders")).await;
    let items = reminders["items"].as_array().unwrap();
    let names: Vec<&str> = items.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["家长群", "赵同学", "李同学"]);
    let li_msg = items[2]["message"].as_str().unwrap();
    assert!(
        li_msg.starts_with("李同学，你好！笔记「周末去哪儿」还没有发布"),
        "{li_msg}"
    );
    assert!(li_msg.ends_with(l["url"].as_str().unwrap()), "{li_msg}");
    let text = reminders["text"].as_str().unwrap();
    assert!(
        text.starts_with("以下 3 位同学还没有发布笔记「周末去哪儿」"),
        "{text}"
    );
    assert!(
        text.contains(&format!("\n3. 李同学：{}", l["url"].as_str().unwrap())),
        "{text}"
    );
    assert!(
        !text.contains(w["url"].as_str().unwrap()),
        "the published one is not reminded"
    );
    assert!(!text.contains(gone["url"].as_str().unwrap()));
    assert!(text.contains(fresh["url"].as_str().unwrap()));
    assert!(
        text.contains(&format!("2. 赵同学：{}", z["url"].as_str().unwrap())),
        "{text}"
    );
}

#[tokio::test]
async fn a_note_without_links_has_no_people_and_an_unknown_note_is_404() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    assert_eq!(
        ok(&app, &format!("/api/posts/{post}/people")).await,
        json!([])
    );
    let r = ok(&app, &format!("/api/posts/{post}/reminders")).await;
    assert_eq!(r, json!({"items": [], "text": ""}));
    for path in ["/api/posts/999999/people", "/api/posts/999999/reminders"] {
        let (status, p) = problem(app.get(path).await).await;
        assert_eq!(
            (status, p["resource"].as_str()),
            (StatusCode::NOT_FOUND, Some("post"))
        );
    }
    let (status, _) = problem(
        app.get(&format!("/api/posts/{post}/people?unfinished=maybe"))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
