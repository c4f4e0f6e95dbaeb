//! Exports (issue 20, item 4): every export read back with an independent
//! reader (calamine for .xlsx, the csv crate for CSV): the headers, the
//! rows and their values, times in the statistics' zone, links clickable,
//! the header row frozen; bad queries are 422 naming the field.
mod audit;
mod campaign;
mod checks;
mod links_stats;

use crate::helpers::TestApp;
use calamine::{Data, Reader, Xlsx};
use reqwest::{Response, StatusCode};
use std::io::{Cursor, Read};

/// A downloaded export: its bytes and `Content-Disposition`.
pub struct Download {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub disposition: String,
}

pub async fn download(res: Response) -> Download {
    let status = res.status();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (content_type, disposition) = (header("content-type"), header("content-disposition"));
    let bytes = res.bytes().await.unwrap().to_vec();
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    Download {
        bytes,
        content_type,
        disposition,
    }
}

pub async fn fetch(app: &TestApp, path: &str) -> Download {
    download(app.get(path).await).await
}

/// Formulas as (row, column, text), numbered from the sheet's top left.
pub type Formulas = Vec<(u32, u32, String)>;

/// The first sheet's cells, row by row, and its formulas.
pub fn sheet(d: &Download) -> (Vec<Vec<Data>>, Formulas) {
    assert!(
        d.content_type.starts_with("application/vnd.openxmlformats"),
        "{}",
        d.content_type
    );
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(d.bytes.clone())).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let rows = range.rows().map(<[Data]>::to_vec).collect();
    let formulas = book.worksheet_formula(&name).unwrap();
    // Cells are numbered from the range's start: made absolute here.
    let (r0, c0) = formulas.start().unwrap_or_default();
    let formulas = formulas
        .cells()
        .filter(|(_, _, f)| !f.is_empty())
        .map(|(r, c, f)| (r0 + r as u32, c0 + c as u32, f.clone()))
        .collect();
    (rows, formulas)
}

/// The sheet's XML says its first row is frozen.
pub fn header_frozen(d: &Download) -> bool {
    let mut zip = zip::ZipArchive::new(Cursor::new(d.bytes.clone())).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#)
}

/// The rows of a CSV export (headers first), after checking its BOM.
pub fn csv_rows(d: &Download) -> Vec<Vec<String>> {
    assert!(d.content_type.starts_with("text/csv"), "{}", d.content_type);
    assert!(
        d.bytes.starts_with(b"\xEF\xBB\xBF"),
        "a CSV starts with the UTF-8 BOM"
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&d.bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// A cell as text (numbers without a fraction as integers).
pub fn text(c: &Data) -> String {
    match c {
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A date-time cell as local `YYYY-MM-DD HH:MM:SS`.
pub fn time(c: &Data) -> String {
    match c {
        Data::DateTime(t) => t
            .as_datetime()
            .unwrap()
            .format("%Y-%m-%d %H:%M:%S")
            .to_string(),
        other => panic!("not a date-time: {other:?}"),
    }
}

/// The UTF-8 file name of `Content-Disposition` (`filename*=UTF-8''…`), decoded.
pub fn file_name(disposition: &str) -> String {
    let encoded = disposition
        .split("filename*=UTF-8''")
        .nth(1)
        .unwrap_or_else(|| panic!("no filename*: {disposition}"))
        .split(';')
        .next()
        .unwrap();
    let mut bytes = Vec::new();
    let mut rest = encoded.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let hex = std::str::from_utf8(&tail[..2]).unwrap();
            bytes.push(u8::from_str_radix(hex, 16).unwrap());
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).unwrap()
}
