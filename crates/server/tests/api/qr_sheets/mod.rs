//! QR sheets (issue 20 item 5): A4 PDFs of cards whose names and titles are
//! real text (read back with poppler's `pdftotext`) and whose codes decode
//! to the right links (pages rasterized with `pdftoppm`, decoded with
//! `rqrr`); the font, the query's rules and the roles.
mod campaign;
mod links;
mod rules;

use crate::helpers::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use xhs_server::Settings;

/// `print.font_path` at a file that is no font (this crate's manifest).
pub fn no_font(s: &mut Settings) {
    s.print.font_path = Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
}

/// A sheet's bytes, after checking it is a PDF attachment.
pub async fn fetch(app: &TestApp, path: &str) -> Vec<u8> {
    let res = app.get(path).await;
    let status = res.status();
    let ct = res.headers().get("content-type").cloned();
    let disposition = res.headers().get("content-disposition").cloned();
    let bytes = res.bytes().await.unwrap().to_vec();
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(ct.unwrap(), "application/pdf");
    assert!(disposition
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(bytes.starts_with(b"%PDF"));
    bytes
}

fn pdf_file(pdf: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    (dir, path)
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("{cmd:?}: {e} (scripts/lib.sh ensure_pdf_tools installs poppler-utils)")
    });
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text a reader extracts, as poppler reads it (ToUnicode included).
pub fn text_of(pdf: &[u8]) -> String {
    let (_dir, path) = pdf_file(pdf);
    run(Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-"))
}

/// How many pages the document has.
pub fn pages_of(pdf: &[u8]) -> usize {
    let (_dir, path) = pdf_file(pdf);
    let info = run(Command::new("pdfinfo").arg(&path));
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line["Pages:".len()..].trim().parse().unwrap()
}

/// Every QR code on every page, decoded: see [`cards_of`].
pub fn codes_of(pdf: &[u8], per_page: u32) -> Vec<String> {
    cards_of(pdf, per_page).into_iter().map(|c| c.0).collect()
}

/// Every card on every page that holds a code: the code, decoded, and the
/// card's own text without white space. Each page is rasterized at 300 dpi
/// and cut along the cut marks of its `per_page` layout (a decoder reads one
/// code at a time); the text is what poppler extracts from the same area
/// alone (a URL wrapped over two lines reads whole only within its card),
/// in `-raw` order, which keeps a `-` that ends a line (the default joins
/// the lines and drops it as a hyphenation).
/// Empty cells are skipped; a code that does not decode fails the test.
pub fn cards_of(pdf: &[u8], per_page: u32) -> Vec<(String, String)> {
    let layout = xhs_print::PerPage::from_count(per_page).unwrap();
    let (dir, path) = pdf_file(pdf);
    let prefix = dir.path().join("page");
    run(Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png"])
        .arg(&path)
        .arg(&prefix));
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    let px = 300.0 / 72.0;
    let (w, h) = layout.card();
    let mut out = Vec::new();
    for (page, p) in pages.iter().enumerate() {
        let img = image::open(p).unwrap().to_luma8();
        for i in 0..layout.count() {
            let (x, y) = layout.origin(i);
            let (x0, y0) = ((x * px) as u32, (y * px) as u32);
            let (cw, ch) = ((w * px) as u32, (h * px) as u32);
            let cell = image::imageops::crop_imm(&img, x0, y0, cw, ch).to_image();
            let mut prepared =
                rqrr::PreparedImage::prepare_from_greyscale(cw as usize, ch as usize, |x, y| {
                    cell.get_pixel(x as u32, y as u32).0[0]
                });
            let grids = prepared.detect_grids();
            assert!(grids.len() <= 1, "{} codes on one card", grids.len());
            for grid in grids {
                let (_, content) = grid.decode().unwrap();
                let n = (page + 1).to_string();
                let area = [x, y, w, h].map(|v| (v as u32).to_string());
                let text = run(Command::new("pdftotext")
                    .args(["-enc", "UTF-8", "-raw", "-r", "72", "-f", &n, "-l", &n])
                    .args([
                        "-x", &area[0], "-y", &area[1], "-W", &area[2], "-H", &area[3],
                    ])
                    .arg(&path)
                    .arg("-"));
                out.push((content, text.split_whitespace().collect()));
            }
        }
    }
    out
}

/// `n` student accounts named `{prefix}{i}` in a new group `group`; ids and names.
pub async fn class(
    app: &TestApp,
    group: &str,
    prefix: &str,
    n: usize,
) -> (i64, Vec<(i64, String)>) {
    let mut people = Vec::new();
    for i in 0..n {
        let name = format!("{prefix}{:02}", i + 1);
        people.push((app.create_account(&name, "student").await, name));
    }
    let ids: Vec<i64> = people.iter().map(|p| p.0).collect();
    (crate::campaigns::group(app, group, &ids).await, people)
}

/// A link of `post` for each account; the links' URLs by link id.
pub async fn links_for(app: &TestApp, post: i64, accounts: &[i64]) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    for a in accounts {
        let res = app
            .post_json(
                &format!("/api/posts/{post}/links"),
                &json!({"account_id": a}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let l: Value = res.json().await.unwrap();
        out.push((
            l["id"].as_i64().unwrap(),
            l["url"].as_str().unwrap().to_owned(),
        ));
    }
    out
}

pub fn set(items: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    items.into_iter().collect()
}
