//! Times the campaign planner on 1 000 accounts x 10 notes (10 000
//! assignments) over two weeks, each account with two busy instants and a
//! note with three variants. Run: `cargo run --release -p xhs-domain --example plan_bench`.
use chrono::{DateTime, Duration, Utc};
use std::time::Instant;
use xhs_domain::campaign::{
    plan, Pairing, PlanAccount, PlanInput, PlanNote, RawSchedule, RawWindow, Schedule,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start: DateTime<Utc> = "2026-12-07T00:00:00+08:00".parse()?;
    let raw = RawSchedule {
        start_at: Some(start),
        end_at: Some(start + Duration::days(14)),
        daily_window: Some(RawWindow {
            from: Some("09:00".into()),
            to: Some("22:00".into()),
        }),
        per_account_per_day: Some(1),
        min_gap_minutes: Some(180),
    };
    let schedule =
        Schedule::parse(&raw, chrono_tz::Asia::Shanghai).map_err(|e| format!("{:?}", e.0))?;
    let accounts: Vec<PlanAccount> = (1..=1000)
        .map(|id| PlanAccount {
            id,
            group_ids: vec![1 + id % 25],
            busy: vec![
                start + Duration::hours(10 + id % 7),
                start + Duration::hours(58 + id % 11),
            ],
        })
        .collect();
    let notes: Vec<PlanNote> = (1..=10)
        .map(|id| PlanNote {
            id,
            variant_ids: if id == 1 { vec![11, 12, 13] } else { vec![] },
        })
        .collect();
    let input = PlanInput {
        schedule: &schedule,
        pairing: Pairing::EachAccountEveryPost,
        accounts: &accounts,
        notes: &notes,
        seed: 42,
    };
    let mut best = f64::MAX;
    let mut placed = 0;
    for _ in 0..5 {
        let t = Instant::now();
        placed = plan(&input).map_err(|e| e.to_string())?.len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "planned {placed} assignments (1000 accounts x 10 notes, 14 days) in {:.1} ms (best of 5)",
        best * 1e3
    );
    Ok(())
}
