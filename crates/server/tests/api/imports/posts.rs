use super::{problems_of, report, xlsx};
use crate::helpers::{count_rows, spawn_app};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const IMG: &str = "https://cdn.example.com/a.jpg";

/// A CSV as Excel on Chinese Windows saves it: GBK, CRLF between rows,
/// LF inside a quoted cell.
fn gbk_csv(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[tokio::test]
async fn a_gbk_csv_from_excel_is_checked_row_by_row_and_written_on_commit() {
    let app = spawn_app().await;
    let csv = gbk_csv(&format!(
        "标题,正文,类型,图片\r\n冬日咖啡,\"好喝\n#咖啡 \",图文,\"{IMG}\n{IMG}\"\r\n视频笔记,正文,视频,\r\n"
    ));
    let dry = report(&app, "/api/imports/posts", "notes.csv", csv.clone()).await;
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["rows"][0]["row"], 2);
    assert_eq!(dry["rows"][0]["title"], "冬日咖啡");
    assert_eq!(dry["rows"][0]["content"], "好喝\n#咖啡");
    assert_eq!(dry["rows"][0]["image_urls"].as_array().unwrap().len(), 2);
    // A line break inside a cell does not move Excel's row numbers.
    assert_eq!(
        problems_of(&dry, 3),
        vec![("视频".to_owned(), "required".to_owned())]
    );
    assert_eq!(count_rows(&app.db, "x_post").await, 0);

    let valid = report(
        &app,
        "/api/imports/posts?dry_run=false&mode=valid_rows",
        "notes.csv",
        csv,
    )
    .await;
    assert_eq!(
        (valid["committed"].as_bool(), valid["created"].as_u64()),
        (Some(true), Some(1))
    );
    let id = valid["rows"][0]["post_id"].as_i64().unwrap();
    let post: serde_json::Value = app
        .get(&format!("/api/posts/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(post["title"], "冬日咖啡");
    assert_eq!(count_rows(&app.db, "x_post").await, 1);
    assert_eq!(count_rows(&app.db, "x_post_version").await, 1);
}

#[tokio::test]
async fn a_bad_row_in_all_or_nothing_leaves_nothing_behind() {
    let app = spawn_app().await;
    let audit_before = count_rows(&app.db, "audit_log").await;
    let long = "长".repeat(21);
    let file = xlsx(&[
        &["title", "content", "images"],
        &["好标题", "正文", IMG],
        &[&long, "正文", IMG],
    ]);
    let res = report(&app, "/api/imports/posts?dry_run=false", "n.xlsx", file).await;
    assert_eq!(res["committed"], false);
    assert_eq!(
        problems_of(&res, 3),
        vec![("title".to_owned(), "max_chars".to_owned())]
    );
    let p = &res["rows"][1]["problems"][0];
    assert_eq!(
        (p["limit"].as_u64(), p["actual"].as_u64()),
        (Some(20), Some(21))
    );
    assert_eq!(count_rows(&app.db, "x_post").await, 0);
    assert_eq!(count_rows(&app.db, "audit_log").await, audit_before);
}

#[tokio::test]
async fn all_or_nothing_writes_every_row_in_one_transaction_with_one_audit_entry() {
    let app = spawn_app().await;
    let audit_before = count_rows(&app.db, "audit_log").await;
    let file = xlsx(&[
        &["标题", "正文", "图片"],
        &["一", "正文一", IMG],
        &["二", "正文二", &format!("{IMG}|{IMG}")],
    ]);
    let res = report(&app, "/api/imports/posts?dry_run=false", "n.xlsx", file).await;
    assert_eq!(
        (res["committed"].as_bool(), res["created"].as_u64()),
        (Some(true), Some(2))
    );
    assert_eq!(count_rows(&app.db, "x_post").await, 2);
    assert_eq!(count_rows(&app.db, "audit_log").await, audit_before + 1);
}

#[tokio::test]
async fn excel_quirks_merged_title_numbers_dates_and_trailing_rows_are_read() {
    let app = spawn_app().await;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // A merged title row above the header, as people make them.
    sheet
        .merge_range(0, 0, 0, 3, "十二月笔记", &Format::new())
        .unwrap();
    for (c, h) in ["标题", "正文", "图片", "分组"].iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    sheet.write_number(2, 0, 2026.0).unwrap();
    let date = ExcelDateTime::from_ymd(2026, 12, 6).unwrap();
    let fmt = Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_datetime_with_format(2, 1, &date, &fmt).unwrap();
    sheet.write_string(2, 2, IMG).unwrap();
    sheet.write_number(2, 3, 3.0).unwrap();
    // Formatted but empty trailing rows.
    for r in 3..50 {
        sheet.write_blank(r, 0, &fmt).unwrap();
    }
    let file = book.save_to_buffer().unwrap();
    let res = report(&app, "/api/imports/posts", "n.xlsx", file).await;
    assert_eq!(res["total_rows"], 1, "{res}");
    let row = &res["rows"][0];
    assert_eq!(row["row"], 3);
    assert_eq!(row["title"], "2026");
    assert_eq!(row["content"], "2026-12-06");
    assert_eq!(row["group"], "3");
    assert_eq!(row["problems"].as_array().unwrap().len(), 0, "{row}");
}
