//! Campaign figures on SQLite (issue 19's speed targets): plan 1 000
//! accounts × 10 notes (10 000 assignments), launch them (10 000 links),
//! then the assignments page and the progress of that campaign, p50 of
//! repeated reads. Prints the figures; run with
//! `cargo run -p xhs-server --example campaign_bench` (a debug build is
//! slower than a release one; say which when quoting).
//! `CAMPAIGN_BENCH_ACCOUNTS=200` makes a campaign of 2 000 assignments.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use std::time::Instant;
use xhs_app::campaigns::{self, AssignmentQuery};
use xhs_app::Actor;
use xhs_domain::AccountKind;

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
    let db = std::env::var("CAMPAIGN_BENCH_DB").ok();
    let (_dir, app) = common::bench_app(db).await;
    let state = app.state();
    let s = &state.app;
    let actor = Actor::system();
    let post_ids = common::notes(s, NOTES, "").await;
    let account_ids = common::accounts(s, accounts_n, "号", AccountKind::Brand).await;
    let id = common::campaign(s, "bench", post_ids, account_ids.clone()).await;

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
