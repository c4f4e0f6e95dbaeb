//! An account's 小红书号 through the accounts API: shown, validated, unique,
//! and the same field a roster import matches by.
use crate::helpers::{problem, spawn_app};
use crate::imports::{report, xlsx};
use serde_json::{json, Value};

#[tokio::test]
async fn an_accounts_xhs_id_is_created_shown_kept_and_cleared() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/accounts",
            &json!({"name": "李四", "kind": "student", "xhs_id": " 小红书号：9527001 "}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let made: Value = res.json().await.unwrap();
    assert_eq!(made["xhs_id"], "9527001");
    let id = made["id"].as_i64().unwrap();
    let listed: Value = app.get("/api/accounts").await.json().await.unwrap();
    let mine = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap();
    assert_eq!(mine["xhs_id"], "9527001");
    // Left out of an update: kept.
    let path = format!("/api/accounts/{id}");
    let kept: Value = app
        .put_json(&path, &json!({"name": "李四同学", "kind": "student"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kept["xhs_id"], "9527001");
    let one: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(one["xhs_id"], "9527001");
    // Empty: removed.
    let cleared: Value = app
        .put_json(
            &path,
            &json!({"name": "李四同学", "kind": "student", "xhs_id": ""}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cleared["xhs_id"], Value::Null);
}

#[tokio::test]
async fn a_malformed_or_taken_xhs_id_is_refused_naming_the_field() {
    let app = spawn_app().await;
    let (status, p) = problem(
        app.post_json(
            "/api/accounts",
            &json!({"name": "甲", "kind": "student", "xhs_id": "李 四"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        (&p["errors"][0]["field"], &p["errors"][0]["rule"]),
        (&json!("xhs_id"), &json!("well_formed"))
    );
    let first = app
        .post_json(
            "/api/accounts",
            &json!({"name": "甲", "kind": "student", "xhs_id": "abc_1"}),
        )
        .await;
    assert_eq!(first.status(), 201);
    let (status, p) = problem(
        app.post_json(
            "/api/accounts",
            &json!({"name": "乙", "kind": "student", "xhs_id": "abc_1"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(p["errors"][0]["rule"], "unique");
}

#[tokio::test]
async fn a_roster_row_finds_the_account_made_in_the_console_by_its_xhs_id() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/accounts",
            &json!({"name": "Li Si", "kind": "student", "xhs_id": "9527001"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let file = xlsx(&[&["姓名", "小红书号"], &["李四", "9527001"]]);
    let dry = report(&app, "/api/imports/accounts", "r.xlsx", file).await;
    assert_eq!(dry["rows"][0]["matched_account_id"], id, "{dry}");
}
