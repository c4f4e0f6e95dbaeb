//! 变体 rows: extra variants of the note above them, checked by the variants'
//! pre-flight and written with their note in one transaction.
use super::{problems_of, report, xlsx};
use crate::helpers::{count_rows, spawn_app};
use serde_json::Value;

const IMG: &str = "https://cdn.example.com/a.jpg";
const IMG2: &str = "https://cdn.example.com/b.jpg";

#[tokio::test]
async fn variant_rows_become_variants_of_the_note_above_them_with_its_first_version() {
    let app = spawn_app().await;
    let file = xlsx(&[
        &["标题", "正文", "图片", "变体", "分组"],
        &["主笔记", "正文", IMG, "", "三班"],
        &["", "另一种正文", "", "B", ""],
        &["变体标题", "", IMG2, "C", ""],
        &["第二篇", "正文二", IMG, "", ""],
    ]);
    let dry = report(&app, "/api/imports/posts", "n.xlsx", file.clone()).await;
    assert_eq!(dry["rows"][1]["variant"], "B");
    assert_eq!(dry["rows"][1]["variant_of_row"], 2);
    assert_eq!(dry["rows"][1]["title"], "主笔记");
    assert_eq!(dry["rows"][1]["content"], "另一种正文");
    assert_eq!(dry["problem_rows"], 0, "{dry}");
    // The 分组 column is named once, as a column the import does not store.
    assert_eq!(dry["warnings"].as_array().unwrap().len(), 1, "{dry}");
    assert_eq!(dry["warnings"][0]["kind"], "ignored_column");
    assert_eq!(dry["warnings"][0]["column"], "分组");

    let res = report(&app, "/api/imports/posts?dry_run=false", "n.xlsx", file).await;
    assert_eq!(
        (res["committed"].as_bool(), res["created"].as_u64()),
        (Some(true), Some(4))
    );
    let id = res["rows"][0]["post_id"].as_i64().unwrap();
    assert_eq!(res["rows"][1]["post_id"], id);
    assert!(res["rows"][1]["variant_id"].is_i64(), "{res}");
    let variants: Value = app
        .get(&format!("/api/posts/{id}/variants"))
        .await
        .json()
        .await
        .unwrap();
    let items = variants["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{variants}"));
    let labels: Vec<&str> = items.iter().map(|v| v["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["B", "C"]);
    assert_eq!(items[0]["content"], "另一种正文");
    assert_eq!(items[0]["title"], Value::Null);
    assert_eq!(items[1]["title"], "变体标题");
    assert_eq!(items[1]["image_urls"][0], IMG2);
    assert_eq!(count_rows(&app.db, "x_post").await, 2);
    // One first version per note, which already holds its variants.
    assert_eq!(count_rows(&app.db, "x_post_version").await, 2);
    assert_eq!(count_rows(&app.db, "x_post_variant").await, 2);
}

#[tokio::test]
async fn a_broken_variant_is_reported_on_its_row_and_column_and_nothing_is_written() {
    let app = spawn_app().await;
    let audit_before = count_rows(&app.db, "audit_log").await;
    let long = "长".repeat(21);
    let file = xlsx(&[
        &["标题", "正文", "图片", "变体"],
        &["主笔记", "正文", IMG, ""],
        &[&long, "", "", "B"],
        &["", "", "", "b"],
        &["", "", "", &"标".repeat(31)],
    ]);
    let res = report(&app, "/api/imports/posts?dry_run=false", "n.xlsx", file).await;
    assert_eq!(res["committed"], false);
    assert_eq!(
        problems_of(&res, 3),
        vec![("标题".to_owned(), "max_chars".to_owned())]
    );
    // Labels differ only in case: the second is taken.
    assert_eq!(
        problems_of(&res, 4),
        vec![("变体".to_owned(), "unique".to_owned())]
    );
    assert_eq!(
        problems_of(&res, 5),
        vec![("变体".to_owned(), "max_chars".to_owned())]
    );
    assert_eq!(count_rows(&app.db, "x_post").await, 0);
    assert_eq!(count_rows(&app.db, "x_post_variant").await, 0);
    assert_eq!(count_rows(&app.db, "audit_log").await, audit_before);
}

#[tokio::test]
async fn valid_rows_leave_out_the_variants_of_a_note_with_problems() {
    let app = spawn_app().await;
    let long = "长".repeat(21);
    let file = xlsx(&[
        &["标题", "正文", "图片", "变体"],
        &[&long, "正文", IMG, ""],
        &["", "变体正文", "", "B"],
        &["好笔记", "正文", IMG, ""],
    ]);
    let res = report(
        &app,
        "/api/imports/posts?dry_run=false&mode=valid_rows",
        "n.xlsx",
        file,
    )
    .await;
    assert_eq!(
        problems_of(&res, 3),
        vec![("变体".to_owned(), "exists".to_owned())]
    );
    assert_eq!(res["created"], 1);
    assert_eq!(count_rows(&app.db, "x_post").await, 1);
    assert_eq!(count_rows(&app.db, "x_post_variant").await, 0);
}

#[tokio::test]
async fn a_variant_with_its_own_video_or_type_is_refused_naming_the_column() {
    let app = spawn_app().await;
    let file = xlsx(&[
        &["标题", "正文", "图片", "类型", "视频", "变体"],
        &["主笔记", "正文", IMG, "图文", "", ""],
        &["", "", "", "视频", "https://cdn.example.com/v.mp4", "B"],
    ]);
    let res = report(&app, "/api/imports/posts?dry_run=false", "n.xlsx", file).await;
    assert_eq!(res["committed"], false);
    let mut got = problems_of(&res, 3);
    got.sort();
    assert_eq!(
        got,
        vec![
            ("类型".to_owned(), "one_of".to_owned()),
            ("视频".to_owned(), "one_of".to_owned())
        ]
    );
    assert_eq!(count_rows(&app.db, "x_post").await, 0);
}
