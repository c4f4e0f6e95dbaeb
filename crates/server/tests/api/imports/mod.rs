//! Imports from spreadsheets (issue 20): files written the way Excel and
//! people write them, checked row by row, committed whole or not at all.
mod bad_files;
mod fetch;
mod posts;
mod roster;
mod templates;
mod variants;

use crate::helpers::TestApp;
use reqwest::multipart::{Form, Part};
use reqwest::Response;
use rust_xlsxwriter::Workbook;
use serde_json::Value;

/// Sends `bytes` as the form's `file` to `path` (with its query).
pub(super) async fn send(app: &TestApp, path: &str, name: &str, bytes: Vec<u8>) -> Response {
    let part = Part::bytes(bytes).file_name(name.to_owned());
    app.client
        .post(app.url(path))
        .bearer_auth(&app.token)
        .multipart(Form::new().part("file", part))
        .send()
        .await
        .unwrap()
}

/// Sends and expects a 200 report.
pub(crate) async fn report(app: &TestApp, path: &str, name: &str, bytes: Vec<u8>) -> Value {
    let res = send(app, path, name, bytes).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{body}");
    body
}

/// A workbook of one sheet holding `rows` of text.
pub(crate) fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row.iter()) {
            sheet.write_string(r, c, *cell).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// The (column, rule) of every problem of the row numbered `row`.
pub(super) fn problems_of(report: &Value, row: u64) -> Vec<(String, String)> {
    let r = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["row"] == row)
        .unwrap_or_else(|| panic!("no row {row} in {report}"));
    r["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["column"].as_str().unwrap().to_owned(),
                p["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
