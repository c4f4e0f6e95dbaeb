//! Figures for exports (issue 20): a campaign of 10 000 assignments (1 000
//! accounts x 10 notes, planned and launched, so every row has a link), its
//! export as .xlsx and CSV; then the same rows copied to 100 000 and
//! exported again. Peak memory is the process's high-water mark (VmHWM),
//! reset before each export: flat memory means the 100 000-row figure is
//! close to the 10 000-row one. SQLite in a temp file.
//!
//! ```text
//! cargo run --release -p xhs-server --example export_bench
//! ```
//!
//! It prints the figures and asserts no timing.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::time::Instant;
use xhs_app::campaigns::{self, AssignmentQuery};
use xhs_app::exports::{self, Export};
use xhs_app::{Actor, Services};
use xhs_domain::AccountKind;
use xhs_persistence::ConnectionTrait;

const ACCOUNTS: usize = 1000;
const NOTES: usize = 10;

/// A line of /proc/self/status in KiB (Linux only; 0 elsewhere).
fn status_kib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Resets the high-water mark of resident memory to the current size.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

async fn export(s: &Services, id: i64, format: &str) -> Export {
    exports::campaign(s, id, Some(format), &AssignmentQuery::default())
        .await
        .unwrap()
}

async fn measure(s: &Services, id: i64, rows: u64) {
    for format in ["xlsx", "csv"] {
        reset_peak();
        let before = status_kib("VmRSS:");
        let t = Instant::now();
        let mut e = export(s, id, format).await;
        let bytes = if format == "xlsx" {
            e.into_xlsx(s).await.unwrap().metadata().unwrap().len()
        } else {
            let mut n = 0;
            while let Some(chunk) = e.next_csv(s).await.unwrap() {
                n += chunk.len() as u64;
            }
            n
        };
        let took = t.elapsed().as_secs_f64();
        let peak = status_kib("VmHWM:");
        println!(
            "  {rows:>7} rows {format:4}: {took:>6.2} s, {:>6} KiB file, RSS before {:>6} KiB, peak {:>6} KiB (+{} KiB)",
            bytes / 1024,
            before,
            peak,
            peak.saturating_sub(before)
        );
    }
}

#[tokio::main]
async fn main() {
    let (_dir, app) = common::bench_app(None).await;
    let state = app.state();
    let s = &state.app;
    let actor = Actor::system();
    let post_ids = common::notes(s, NOTES, "：城市漫步").await;
    let account_ids = common::accounts(s, ACCOUNTS, "学生", AccountKind::Student).await;
    let id = common::campaign(s, "导出基准", post_ids, account_ids).await;
    campaigns::plan(s, &actor, id).await.unwrap();
    campaigns::launch(s, &actor, id).await.unwrap();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "export bench on SQLite ({build} build), pages of {} rows",
        exports::PAGE_ROWS
    );
    measure(s, id, 10_000).await;

    // Nine copies of every row (same accounts, notes and links): 100 000.
    let copy = "INSERT INTO campaign_assignment (campaign_id, account_id, post_id, variant_id, \
                variant_label, channel, scheduled_at, link_id, task_id, status, reason, created_at, \
                updated_at) SELECT campaign_id, account_id, post_id, variant_id, variant_label, \
                channel, scheduled_at, link_id, task_id, status, reason, created_at, updated_at \
                FROM campaign_assignment WHERE id <= 10000";
    for _ in 0..9 {
        s.db.execute_unprepared(copy).await.unwrap();
    }
    measure(s, id, 100_000).await;
}
