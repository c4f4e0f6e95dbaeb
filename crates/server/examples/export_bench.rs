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
use chrono::{Duration, Utc};
use std::time::Instant;
use xhs_app::campaigns::{self, AssignmentQuery, RawAudience, RawCampaign};
use xhs_app::exports::{self, Export};
use xhs_app::{Actor, Services};
use xhs_domain::campaign::{Pairing, RawSchedule, RawWindow};
use xhs_domain::{AccountKind, RawPost};
use xhs_persistence::accounts::{self, AccountFields};
use xhs_persistence::ConnectionTrait;
use xhs_server::{Application, Settings};

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
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.demo_post = false;
    settings.server.static_dir = dir.path().join("no-frontend");
    settings.media.dir = dir.path().join("media");
    settings.database.url = format!("sqlite://{}/bench.db?mode=rwc", dir.path().display());
    settings.auth.admin_password = Some(secrecy::SecretString::from("bench-only-password"));
    let app = Application::build(settings).await.unwrap();
    let state = app.state();
    let s = &state.app;
    let actor = Actor::system();

    let mut post_ids = Vec::new();
    for i in 0..NOTES {
        let raw = RawPost {
            post_type: "normal".into(),
            title: format!("第{i}篇：城市漫步"),
            content: "三条路线 #城市漫步 ".into(),
            image_urls: vec!["https://img.example.com/1.jpg".into()],
            cover_url: None,
            video_url: None,
        };
        post_ids.push(
            xhs_app::notes::posts::create(s, &actor, &raw)
                .await
                .unwrap()
                .id,
        );
    }
    let mut account_ids = Vec::new();
    for i in 0..ACCOUNTS {
        let f = AccountFields {
            name: format!("学生{i:04}"),
            nickname: None,
            kind: AccountKind::Student,
            notes: None,
            xhs_id: None,
        };
        account_ids.push(accounts::create(&s.db, &f).await.unwrap().id);
    }
    let start = Utc::now() + Duration::days(1);
    let raw = RawCampaign {
        name: Some("导出基准".into()),
        post_ids: Some(post_ids),
        audience: Some(RawAudience {
            account_ids: Some(account_ids),
            group_ids: None,
        }),
        pairing: Some(Pairing::EachAccountEveryPost),
        platforms: None,
        link_expires_at: None,
        schedule: Some(RawSchedule {
            start_at: Some(start),
            end_at: Some(start + Duration::days(10)),
            daily_window: Some(RawWindow {
                from: Some("09:00".into()),
                to: Some("22:00".into()),
            }),
            per_account_per_day: Some(2),
            min_gap_minutes: Some(180),
        }),
    };
    let id = campaigns::create(s, &actor, &raw)
        .await
        .unwrap()
        .campaign
        .id;
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
