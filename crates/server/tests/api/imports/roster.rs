use super::{problems_of, report, xlsx};
use crate::helpers::{count_rows, spawn_app};

fn class() -> Vec<u8> {
    xlsx(&[
        &["姓名", "类型", "分组", "小红书号", "备注"],
        &["张三", "学生", "三年级二班", "", ""],
        &["李四", "学生", "三年级二班、书法社", "9527001", "班长"],
        &["王五", "", "三年级二班", "", ""],
        &["张三", "学生", "三年级二班", "", "又写了一遍"],
    ])
}

#[tokio::test]
async fn a_roster_creates_its_groups_and_accounts_once() {
    let app = spawn_app().await;
    let dry = report(
        &app,
        "/api/imports/accounts?mode=valid_rows",
        "class.xlsx",
        class(),
    )
    .await;
    assert_eq!(
        dry["rows"][1]["new_groups"],
        serde_json::json!(["三年级二班", "书法社"])
    );
    assert_eq!(
        problems_of(&dry, 5),
        vec![("姓名".to_owned(), "unique".to_owned())]
    );
    assert_eq!(count_rows(&app.db, "xhs_account").await, 0);

    let done = report(
        &app,
        "/api/imports/accounts?dry_run=false&mode=valid_rows",
        "class.xlsx",
        class(),
    )
    .await;
    assert_eq!(
        (done["committed"].as_bool(), done["created"].as_u64()),
        (Some(true), Some(3))
    );
    assert_eq!(count_rows(&app.db, "xhs_account").await, 3);
    assert_eq!(count_rows(&app.db, "account_group").await, 2);
    assert_eq!(count_rows(&app.db, "account_group_member").await, 4);
    let groups: serde_json::Value = app.get("/api/groups").await.json().await.unwrap();
    let class_group = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "三年级二班")
        .unwrap();
    assert_eq!(class_group["member_count"], 3);
}

#[tokio::test]
async fn importing_the_same_roster_again_changes_nothing() {
    let app = spawn_app().await;
    let path = "/api/imports/accounts?dry_run=false&mode=valid_rows";
    report(&app, path, "class.xlsx", class()).await;
    let audit = count_rows(&app.db, "audit_log").await;
    let again = report(&app, path, "class.xlsx", class()).await;
    assert_eq!(again["created"], 0);
    for row in again["rows"].as_array().unwrap().iter().take(3) {
        assert_eq!(row["unchanged"], true, "{row}");
        assert!(row["matched_account_id"].is_i64(), "{row}");
    }
    assert_eq!(count_rows(&app.db, "xhs_account").await, 3);
    assert_eq!(count_rows(&app.db, "account_group").await, 2);
    assert_eq!(count_rows(&app.db, "account_group_member").await, 4);
    assert_eq!(count_rows(&app.db, "audit_log").await, audit);
}

#[tokio::test]
async fn an_account_is_matched_by_its_xhs_id_and_a_robot_row_is_refused() {
    let app = spawn_app().await;
    let path = "/api/imports/accounts?dry_run=false&mode=valid_rows";
    let first = xlsx(&[
        &["name", "kind", "xhs_id"],
        &["Li Si", "student", "9527001"],
    ]);
    report(&app, path, "a.xlsx", first).await;
    let renamed = xlsx(&[
        &["name", "kind", "xhs_id"],
        &["李四", "学生", "9527001"],
        &["机器", "机器人", ""],
    ]);
    let res = report(&app, path, "b.xlsx", renamed).await;
    assert_eq!(res["rows"][0]["unchanged"], true);
    assert_eq!(
        problems_of(&res, 3),
        vec![("kind".to_owned(), "one_of".to_owned())]
    );
    assert_eq!(count_rows(&app.db, "xhs_account").await, 1);
}
