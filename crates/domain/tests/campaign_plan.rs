//! Property tests of the campaign planner over random audiences, windows
//! (across midnight too), time zones with and without clock changes, and
//! busy instants. Every input is on a quarter-hour grid, so a plain greedy
//! that tries each quarter-hour in turn finds the most notes an account can
//! take: the reference for "refused exactly when it does not fit".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;
use std::collections::HashMap;
use xhs_domain::campaign::{
    check_move, plan, Pairing, PlanAccount, PlanError, PlanInput, PlanNote, RawSchedule, RawWindow,
    Schedule,
};

const Q: i64 = 15 * 60;

#[derive(Debug, Clone)]
struct Case {
    schedule: Schedule,
    accounts: Vec<PlanAccount>,
    notes: Vec<PlanNote>,
    pairing: Pairing,
    seed: u64,
}

fn hhmm(q: u32) -> String {
    format!("{:02}:{:02}", q / 4, (q % 4) * 15)
}

fn instant(q: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(q * Q, 0).unwrap()
}

prop_compose! {
    fn schedules()(
        berlin in any::<bool>(),
        // From late March (Berlin springs forward on the 29th) to November.
        start_q in 1_774_396_800 / Q..1_793_491_200 / Q,
        len_q in 4i64..7 * 96,
        from in 0u32..96,
        to in 0u32..=96,
        per_day in 1i64..=4,
        gap_q in 1i64..=48,
    ) -> Option<Schedule> {
        let raw = RawSchedule {
            start_at: Some(instant(start_q)),
            end_at: Some(instant(start_q + len_q)),
            daily_window: Some(RawWindow { from: Some(hhmm(from)), to: Some(hhmm(to)) }),
            per_account_per_day: Some(per_day),
            min_gap_minutes: Some(gap_q * 15),
        };
        let tz: Tz = if berlin { chrono_tz::Europe::Berlin } else { chrono_tz::Asia::Shanghai };
        Schedule::parse(&raw, tz).ok()
    }
}

fn cases(groups: bool) -> impl Strategy<Value = Case> {
    (
        schedules().prop_filter_map("empty window", |s| s),
        1usize..12,
        1usize..4,
        any::<bool>(),
        any::<u64>(),
    )
        .prop_flat_map(move |(schedule, n_accounts, n_notes, every, seed)| {
            let (s, e) = (
                schedule.start_at.timestamp() / Q,
                schedule.end_at.timestamp() / Q,
            );
            let busy = prop::collection::vec((s - 96..e + 96).prop_map(instant), 0..4);
            let group_ids = if groups {
                prop::collection::vec(1i64..4, 1..=1).boxed()
            } else {
                prop::collection::vec(1i64..4, 0..3).boxed()
            };
            let accounts = prop::collection::vec((busy, group_ids), n_accounts).prop_map(|v| {
                v.into_iter()
                    .enumerate()
                    .map(|(i, (busy, group_ids))| PlanAccount {
                        id: i as i64 + 1,
                        group_ids,
                        busy,
                    })
                    .collect::<Vec<_>>()
            });
            let notes = prop::collection::vec(0usize..4, n_notes).prop_map(|v| {
                v.into_iter()
                    .enumerate()
                    .map(|(i, k)| PlanNote {
                        id: 100 + i as i64,
                        variant_ids: (0..k as i64).map(|j| 1000 * (i as i64 + 1) + j).collect(),
                    })
                    .collect::<Vec<_>>()
            });
            let pairing = if every {
                Pairing::EachAccountEveryPost
            } else {
                Pairing::EachAccountOnePost
            };
            (Just(schedule), accounts, notes, Just(pairing), Just(seed))
        })
        .prop_map(|(schedule, accounts, notes, pairing, seed)| Case {
            schedule,
            accounts,
            notes,
            pairing,
            seed,
        })
}

fn needed(c: &Case, _i: usize) -> u32 {
    match c.pairing {
        Pairing::EachAccountEveryPost => c.notes.len() as u32,
        Pairing::EachAccountOnePost => 1,
    }
}

/// The most notes an account can take: the first free quarter-hour, again
/// and again, checking every rule by hand.
fn reference_capacity(s: &Schedule, busy: &[DateTime<Utc>], want: u32) -> u32 {
    let mut taken: Vec<DateTime<Utc>> = busy.to_vec();
    let mut n = 0;
    let mut t = instant((s.start_at.timestamp() + Q - 1).div_euclid(Q));
    while t < s.end_at && n < want {
        let near = taken.iter().any(|o| (*o - t).abs() < s.min_gap());
        let day = s.day_of(t);
        let full =
            taken.iter().filter(|o| s.day_of(**o) == day).count() as u32 >= s.per_account_per_day;
        if s.in_range(t) && s.in_window(t) && !near && !full {
            taken.push(t);
            n += 1;
        }
        t += Duration::seconds(Q);
    }
    n
}

fn input(c: &Case) -> PlanInput<'_> {
    PlanInput {
        schedule: &c.schedule,
        pairing: c.pairing,
        accounts: &c.accounts,
        notes: &c.notes,
        seed: c.seed,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_plan_keeps_every_rule_and_is_refused_exactly_when_an_account_lacks_room(c in cases(false)) {
        let s = &c.schedule;
        let capacity: Vec<u32> = c.accounts.iter().enumerate()
            .map(|(i, a)| reference_capacity(s, &a.busy, needed(&c, i)))
            .collect();
        let short: Vec<(i64, u32, u32)> = c.accounts.iter().enumerate()
            .filter(|(i, _)| capacity[*i] < needed(&c, *i))
            .map(|(i, a)| (a.id, needed(&c, i), capacity[i]))
            .collect();
        match plan(&input(&c)) {
            Err(PlanError::Infeasible(got)) => {
                let got: Vec<_> = got.iter().map(|x| (x.account_id, x.needed, x.available)).collect();
                prop_assert_eq!(got, short);
            }
            Ok(placed) => {
                prop_assert!(short.is_empty(), "placed although {:?} lack room", short);
                let total: u32 = (0..c.accounts.len()).map(|i| needed(&c, i)).sum();
                prop_assert_eq!(placed.len() as u32, total);
                let mut mine: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
                for p in &placed {
                    prop_assert!(s.in_range(p.at) && s.in_window(p.at), "{:?} outside", p);
                    mine.entry(p.account_id).or_default().push(p.at);
                }
                for a in &c.accounts {
                    let own = mine.remove(&a.id).unwrap_or_default();
                    // By hand: the local day's count and the distance to every other instant.
                    let local_day = |t: &DateTime<Utc>| t.with_timezone(&s.tz).date_naive();
                    for t in &own {
                        let same_day = own.iter().chain(&a.busy).filter(|o| local_day(o) == local_day(t)).count();
                        prop_assert!(same_day as u32 <= s.per_account_per_day, "account {} has {} on {}", a.id, same_day, local_day(t));
                        let nearest = own.iter().chain(&a.busy).filter(|o| !std::ptr::eq(*o, t))
                            .map(|o| (*o - *t).num_seconds().abs()).min();
                        prop_assert!(nearest.is_none_or(|n| n >= i64::from(s.min_gap_minutes) * 60), "account {} at {}: {:?} s", a.id, t, nearest);
                    }
                    for (i, t) in own.iter().enumerate() {
                        let others: Vec<_> = own.iter().enumerate().filter(|(j, _)| *j != i)
                            .map(|(_, o)| *o).chain(a.busy.iter().copied()).collect();
                        // The same rules as moving by hand: range, window, gap, day limit.
                        prop_assert_eq!(check_move(s, *t, &others), Ok(()), "account {} at {}", a.id, t);
                    }
                }
            }
        }
    }

    #[test]
    fn every_group_gets_its_notes_texts_as_evenly_as_they_go_round(c in cases(true)) {
        let pairs = xhs_domain::campaign::deal(c.pairing, &c.accounts, &c.notes);
        let mut uses: HashMap<(i64, i64), HashMap<Option<i64>, u32>> = HashMap::new();
        for p in &pairs {
            let note = &c.notes[p.note];
            let group = c.accounts[p.account].group_ids[0];
            *uses.entry((note.id, group)).or_default().entry(p.variant_id).or_default() += 1;
        }
        for ((note, group), by_text) in uses {
            let texts = c.notes.iter().find(|n| n.id == note).map_or(1, |n| n.variant_ids.len() + 1);
            let total: u32 = by_text.values().sum();
            let (lo, hi) = (by_text.values().min().copied().unwrap_or(0), by_text.values().max().copied().unwrap_or(0));
            let lo = if by_text.len() < texts { 0 } else { lo };
            prop_assert!(hi - lo <= 1, "note {} group {}: {:?} over {} texts ({} pairs)", note, group, by_text, texts, total);
        }
    }
}
