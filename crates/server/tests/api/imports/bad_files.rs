use super::{send, xlsx};
use crate::helpers::{count_rows, problem, spawn_app};
use rust_xlsxwriter::{Formula, Workbook};
use std::io::Write;

/// The rule of a 4xx problem about the file.
async fn refused(res: reqwest::Response) -> (u16, String, String) {
    let (status, p) = problem(res).await;
    let e = &p["errors"][0];
    (
        status.as_u16(),
        e["field"].as_str().unwrap_or_default().to_owned(),
        e["rule"].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn a_file_that_is_not_a_spreadsheet_is_refused_by_name() {
    let app = spawn_app().await;
    let png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    let got = refused(send(&app, "/api/imports/posts", "x.png", png).await).await;
    assert_eq!(got, (422, "file".into(), "well_formed".into()));
    let zip_not_xlsx = {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file("hello.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"hi").unwrap();
        w.finish().unwrap().into_inner()
    };
    let got = refused(send(&app, "/api/imports/posts", "x.xlsx", zip_not_xlsx).await).await;
    assert_eq!(got, (422, "file".into(), "well_formed".into()));
}

#[tokio::test]
async fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let app = spawn_app().await;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..80 {
        w.write_all(&zeros).unwrap();
    }
    let bomb = w.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let got = refused(send(&app, "/api/imports/posts", "bomb.xlsx", bomb).await).await;
    assert_eq!(got, (422, "file".into(), "max_items".into()));
}

#[tokio::test]
async fn a_50_mb_file_is_refused_with_413() {
    let app = spawn_app().await;
    let big = vec![b'a'; 50 * 1024 * 1024];
    let res = send(&app, "/api/imports/posts", "big.csv", big).await;
    assert_eq!(res.status(), 413);
}

#[tokio::test]
async fn five_thousand_and_one_rows_are_refused_and_nothing_is_written() {
    let app = spawn_app().await;
    let mut csv = String::from("title,content,images\n");
    for i in 0..5_001 {
        csv.push_str(&format!("t{i},c,https://cdn.example.com/{i}.jpg\n"));
    }
    let res = send(
        &app,
        "/api/imports/posts?dry_run=false",
        "n.csv",
        csv.into_bytes(),
    )
    .await;
    let got = refused(res).await;
    assert_eq!(got, (422, "file".into(), "max_items".into()));
    assert_eq!(count_rows(&app.db, "x_post").await, 0);
}

#[tokio::test]
async fn formulas_are_refused_naming_the_cell() {
    let app = spawn_app().await;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "标题").unwrap();
    sheet.write_string(0, 1, "正文").unwrap();
    sheet
        .write_formula(1, 0, Formula::new("=\"a\"&\"b\"").set_result("ab"))
        .unwrap();
    sheet.write_string(1, 1, "正文").unwrap();
    let file = book.save_to_buffer().unwrap();
    let (status, p) = problem(send(&app, "/api/imports/posts", "f.xlsx", file).await).await;
    assert_eq!(status, 422);
    assert_eq!(p["errors"][0]["field"], "file");
    assert!(
        p["errors"][0]["message"].as_str().unwrap().contains("A2"),
        "{p}"
    );
}

#[tokio::test]
async fn a_sheet_without_a_header_row_says_which_columns_it_needs() {
    let app = spawn_app().await;
    let file = xlsx(&[&["foo", "bar"], &["1", "2"]]);
    let (status, p) = problem(send(&app, "/api/imports/accounts", "r.xlsx", file).await).await;
    assert_eq!(status, 422);
    assert!(
        p["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("名称/name"),
        "{p}"
    );
}
