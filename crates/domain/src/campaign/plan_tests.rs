use super::*;
use crate::campaign::{RawSchedule, RawWindow};
use chrono::Timelike;
use std::collections::{HashMap, HashSet};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn three_days(per_day: i64, gap: i64) -> Schedule {
    let raw = RawSchedule {
        start_at: Some(at("2026-12-07T00:00:00+08:00")),
        end_at: Some(at("2026-12-10T00:00:00+08:00")),
        daily_window: Some(RawWindow {
            from: Some("09:00".into()),
            to: Some("22:00".into()),
        }),
        per_account_per_day: Some(per_day),
        min_gap_minutes: Some(gap),
    };
    Schedule::parse(&raw, chrono_tz::Asia::Shanghai).unwrap()
}

fn accounts(n: i64) -> Vec<PlanAccount> {
    (1..=n)
        .map(|id| PlanAccount {
            id,
            ..PlanAccount::default()
        })
        .collect()
}

fn notes(n: i64) -> Vec<PlanNote> {
    (100..100 + n)
        .map(|id| PlanNote {
            id,
            variant_ids: vec![],
        })
        .collect()
}

fn run(
    s: &Schedule,
    a: &[PlanAccount],
    n: &[PlanNote],
    seed: u64,
) -> Result<Vec<Placed>, PlanError> {
    plan(&PlanInput {
        schedule: s,
        pairing: Pairing::EachAccountEveryPost,
        accounts: a,
        notes: n,
        seed,
    })
}

#[test]
fn a_class_gets_one_note_a_day_spread_over_the_days_and_the_window() {
    let s = three_days(1, 180);
    let placed = run(&s, &accounts(40), &notes(3), 7).unwrap();
    assert_eq!(placed.len(), 120);
    let mut per_account_day = HashSet::new();
    for p in &placed {
        assert!(s.in_range(p.at) && s.in_window(p.at), "{p:?}");
        assert!(
            per_account_day.insert((p.account_id, s.day_of(p.at))),
            "two on one day: {p:?}"
        );
    }
    let local: Vec<_> = placed.iter().map(|p| p.at.with_timezone(&s.tz)).collect();
    let hours: HashSet<u32> = local.iter().map(|t| t.hour()).collect();
    assert!(hours.len() >= 10, "spread over the window: {hours:?}");
    let minutes: HashSet<_> = placed.iter().map(|p| p.at).collect();
    assert!(
        minutes.len() >= 100,
        "accounts move in lockstep: {} distinct",
        minutes.len()
    );
    assert!(
        local
            .iter()
            .filter(|t| (t.hour(), t.minute()) == (9, 0))
            .count()
            <= 2
    );
    // Day one does not go to the first note for everybody.
    let first_day = s.day_of(at("2026-12-07T12:00:00+08:00"));
    let firsts: HashSet<i64> = placed
        .iter()
        .filter(|p| s.day_of(p.at) == first_day)
        .map(|p| p.post_id)
        .collect();
    assert_eq!(firsts.len(), 3);
}

#[test]
fn the_same_seed_gives_the_same_plan_and_another_seed_another() {
    let s = three_days(2, 60);
    let (a, n) = (accounts(5), notes(4));
    assert_eq!(run(&s, &a, &n, 1), run(&s, &a, &n, 1));
    assert_ne!(run(&s, &a, &n, 1), run(&s, &a, &n, 2));
}

#[test]
fn busy_instants_take_room_and_keep_their_distance() {
    let s = three_days(2, 180);
    let mut a = accounts(1);
    a[0].busy = vec![
        at("2026-12-07T12:00:00+08:00"),
        at("2026-12-08T12:00:00+08:00"),
    ];
    let placed = run(&s, &a, &notes(4), 3).unwrap();
    let mut per_day: HashMap<_, u32> = HashMap::new();
    for t in placed.iter().map(|p| p.at).chain(a[0].busy.iter().copied()) {
        *per_day.entry(s.day_of(t)).or_default() += 1;
    }
    assert!(per_day.values().all(|n| *n <= 2), "{per_day:?}");
    for p in &placed {
        for b in &a[0].busy {
            assert!((p.at - *b).num_minutes().abs() >= 180, "{p:?} near {b}");
        }
    }
}

#[test]
fn a_short_schedule_names_each_account_and_the_slots_it_lacks() {
    let s = three_days(1, 180);
    let mut a = accounts(3);
    a[1].busy = vec![at("2026-12-08T08:00:00+08:00")];
    a[2].busy = vec![at("2026-12-01T08:00:00+08:00")]; // another week: no effect
    let err = run(&s, &a, &notes(4), 5).unwrap_err();
    let PlanError::Infeasible(short) = err;
    let got: Vec<_> = short
        .iter()
        .map(|s| (s.account_id, s.needed, s.available, s.lacking()))
        .collect();
    assert_eq!(got, [(1, 4, 3, 1), (2, 4, 2, 2), (3, 4, 3, 1)]);
}

#[test]
fn nothing_to_place_is_an_empty_plan() {
    let s = three_days(1, 180);
    assert_eq!(run(&s, &[], &notes(2), 0), Ok(vec![]));
    assert_eq!(run(&s, &accounts(2), &[], 0), Ok(vec![]));
}
