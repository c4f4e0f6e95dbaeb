//! Times a 40-card QR sheet (a class) at each cards-per-page, with the
//! system's CJK font or `XHSPUB__PRINT__FONT_PATH`:
//! `cargo run --release -p xhs-print --example qr_sheet`. Prints figures;
//! the target is under 2 s for 40 cards. `QR_SHEET_OUT=FILE` also
//! writes the 12-a-page sheet there, to look at.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use std::time::Instant;
use xhs_print::{render, Card, FontSource, PerPage};

fn main() {
    let configured = std::env::var_os("XHSPUB__PRINT__FONT_PATH").map(Into::into);
    let source = FontSource::new(configured);
    let t = Instant::now();
    let font = source
        .get()
        .expect("a CJK font (see README: XHSPUB__PRINT__FONT_PATH)");
    println!(
        "font: {} ({}), first load {:.0} ms",
        font.family,
        font.path.display(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let cards: Vec<Card> = (1..=40)
        .map(|i| Card {
            name: format!("三年二班学生{i:02}"),
            group: "三年二班、合唱团".to_owned(),
            title: "周末去哪儿：城市漫步路线 · 春季版".to_owned(),
            url: format!("https://xhs.example.com/s/{}{i:02}", "Ab3_x-Z9".repeat(5)),
        })
        .collect();
    for per_page in [PerPage::Six, PerPage::Twelve, PerPage::TwentyFour] {
        let mut best = f64::MAX;
        let mut size = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let pdf = render(&font, &cards, per_page, "三年二班 · 二维码").unwrap();
            best = best.min(t.elapsed().as_secs_f64());
            size = pdf.len();
            if per_page == PerPage::Twelve {
                if let Some(out) = std::env::var_os("QR_SHEET_OUT") {
                    std::fs::write(out, &pdf).unwrap();
                }
            }
        }
        println!(
            "40 cards, {:>2} per page: {:>6.1} ms (best of 5), {} KiB",
            per_page.count(),
            best * 1e3,
            size / 1024
        );
    }
}
