//! Campaign figures on SQLite (issue 19's speed targets): plan 1 000
//! accounts × 10 notes (10 000 assignments), launch them (10 000 links),
//! then the assignments page and the progress of that campaign, p50 of
//! repeated reads. Prints the figures; run with
//! `cargo run -p xhs-server --example campaign_bench` (a debug build is
//! slower than a release one; say which when quoting).
//! `CAMPAIGN_BENCH_ACCOUNTS=200` makes a campaign of 2 000 assignments.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{Duration, Utc};
use std::time::Instant;
use xhs_app::campaigns::{self, AssignmentQuery, RawAudience, RawCampaign};
use xhs_app::Actor;
use xhs_domain::campaign::{Pairing, RawSchedule, RawWindow};
use xhs_domain::{AccountKind, RawPost};
use xhs_persistence::accounts::{self, AccountFields};
use xhs_server::{Application, Settings};

/// Accounts unless `CAMPAIGN_BENCH_ACCOUNTS` says otherwise.
const ACCOUNTS: usize = 1000;
const NOTES: usize = 10;
const READS: usize = 30;

fn p50(mut ms: Vec<f64>) -> f64 {
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

#[tokio::main]
async fn main() {
    let accounts_n: usize = std::env::var("CAMPAIGN_BENCH_ACCOUNTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ACCOUNTS);
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.demo_post = false;
    settings.server.static_dir = dir.path().join("no-frontend");
    settings.media.dir = dir.path().join("media");
    let db = std::env::var("CAMPAIGN_BENCH_DB")
        .unwrap_or_else(|_| format!("{}/bench.db", dir.path().display()));
    settings.database.url = format!("sqlite://{db}?mode=rwc");
    // Set, so the first start prints no generated password.
    settings.auth.admin_password = Some(secrecy::SecretString::from("bench-only-password"));
    let app = Application::build(settings).await.unwrap();
    let state = app.state();
    let s = &state.app;
    let actor = Actor::system();

    let mut post_ids = Vec::new();
    for i in 0..NOTES {
        let raw = RawPost {
            post_type: "normal".into(),
            title: format!("第{i}篇"),
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
    for i in 0..accounts_n {
        let f = AccountFields {
            name: format!("号{i:04}"),
            nickname: None,
            kind: AccountKind::Brand,
            notes: None,
            xhs_id: None,
        };
        account_ids.push(accounts::create(&s.db, &f).await.unwrap().id);
    }
    let start = Utc::now() + Duration::days(1);
    let raw = RawCampaign {
        name: Some("bench".into()),
        post_ids: Some(post_ids),
        audience: Some(RawAudience {
            account_ids: Some(account_ids.clone()),
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

    let t = Instant::now();
    let planned = campaigns::plan(s, &actor, id).await.unwrap();
    let plan_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    campaigns::launch(s, &actor, id).await.unwrap();
    let launch_s = t.elapsed().as_secs_f64();

    let mut page = Vec::new();
    let mut filtered = Vec::new();
    let mut deep = Vec::new();
    let mut progress = Vec::new();
    let middle = Some((planned.assignment_count / 2).to_string());
    for _ in 0..READS {
        let t = Instant::now();
        campaigns::list_assignments(s, id, &AssignmentQuery::default())
            .await
            .unwrap();
        page.push(t.elapsed().as_secs_f64() * 1000.0);
        let q = AssignmentQuery {
            cursor: middle.clone(),
            ..AssignmentQuery::default()
        };
        let t = Instant::now();
        campaigns::list_assignments(s, id, &q).await.unwrap();
        deep.push(t.elapsed().as_secs_f64() * 1000.0);
        let q = AssignmentQuery {
            status: Some("scheduled".into()),
            account_id: Some(account_ids[accounts_n / 2]),
            ..AssignmentQuery::default()
        };
        let t = Instant::now();
        campaigns::list_assignments(s, id, &q).await.unwrap();
        filtered.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        campaigns::progress(s, id).await.unwrap();
        progress.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("campaign bench on SQLite ({build} build): {accounts_n} accounts x {NOTES} notes = {} assignments", planned.assignment_count);
    println!("  plan                      {plan_s:>8.2} s   (target < 2 s)");
    println!("  launch                    {launch_s:>8.2} s   (target < 10 s)");
    println!(
        "  assignments page 1   p50  {:>8.1} ms  (target < 20 ms)",
        p50(page)
    );
    println!("  assignments mid page p50  {:>8.1} ms", p50(deep));
    println!("  status+account filter p50 {:>8.1} ms", p50(filtered));
    println!(
        "  progress             p50  {:>8.1} ms  (target < 20 ms)",
        p50(progress)
    );
}
