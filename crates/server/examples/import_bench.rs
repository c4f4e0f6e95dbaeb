//! Figures for importing notes (issue 20): 5 000 rows of an .xlsx and of a
//! GBK CSV, a dry run and a commit each, through the import use case on a
//! real server's services (SQLite in a temp file unless `DATABASE_URL`
//! names an empty database).
//!
//! ```text
//! cargo run -p xhs-server --example import_bench
//! ```
//!
//! It prints the time of each step and asserts no timing.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::time::Instant;
use xhs_app::imports::{posts, ImportMode, ImportOptions};
use xhs_app::Actor;
use xhs_server::{Application, Settings};

const ROWS: usize = 5_000;

fn cells(i: usize) -> [String; 4] {
    [
        format!("周末咖啡 {i}"),
        format!("第 {i} 篇：今天去了城市另一边的咖啡馆，拿铁很好喝 #咖啡 #探店 "),
        "图文".to_owned(),
        format!("https://img.example.com/{i}/a.jpg\nhttps://img.example.com/{i}/b.jpg"),
    ]
}

fn xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["标题", "正文", "类型", "图片"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..ROWS {
        for (c, v) in cells(i).iter().enumerate() {
            sheet.write_string(i as u32 + 1, c as u16, v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn gbk_csv() -> Vec<u8> {
    let mut text = String::from("标题,正文,类型,图片\r\n");
    for i in 0..ROWS {
        let [t, b, k, im] = cells(i);
        text.push_str(&format!("{t},\"{b}\",{k},\"{im}\"\r\n"));
    }
    encoding_rs::GBK.encode(&text).0.into_owned()
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.demo_post = false;
    settings.server.static_dir = dir.path().join("none");
    settings.media.dir = dir.path().join("media");
    settings.database.url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("bench.db").display()
        )
    });
    let app = Application::build(settings).await.unwrap();
    let state = app.state();
    let s = &state.app;
    let actor = Actor::system();
    for (name, file) in [("xlsx", xlsx()), ("gbk csv", gbk_csv())] {
        for dry_run in [true, false] {
            let opts = ImportOptions {
                dry_run,
                mode: ImportMode::AllOrNothing,
                fetch_media: false,
            };
            let t = Instant::now();
            let report = posts::import(s, &actor, &file, opts).await.unwrap();
            let took = t.elapsed();
            assert_eq!(report.rows.len(), ROWS);
            assert_eq!(report.problem_rows(), 0);
            println!(
                "{name:8} {:7} {ROWS} rows ({} KiB): {:>7.2} s, {} notes written",
                if dry_run { "dry run" } else { "commit" },
                file.len() / 1024,
                took.as_secs_f64(),
                report.created()
            );
        }
    }
}
