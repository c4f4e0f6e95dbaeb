//! The placement: every (account, note) pair at an instant inside the
//! schedule, spread over the days and the window, never more than the day's
//! limit for an account and never closer than the gap, counting what the
//! account is already busy with. When an account cannot take its notes the
//! plan fails naming it and how many slots it lacks; nothing is dropped.
//!
//! Per account, a pass from the end finds the latest instant each note can
//! take (placing as late as possible fits the most notes, so it also counts
//! the slots there are). A pass from the start then aims each note at its
//! own slot of the account's window time, at a point within the slot drawn
//! from the seed, and takes the first free instant from there; should that
//! lie beyond the note's latest instant, it takes the latest instead, which
//! is always free, so the pass never fails where the first found room.
use super::deal::{deal, Pair, PlanAccount, PlanNote};
use super::slots::{instant, Grid, Slots};
use super::{Pairing, Schedule};
use chrono::{DateTime, Utc};

/// What the planner needs; the same input and seed give the same plan.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub schedule: &'a Schedule,
    pub pairing: Pairing,
    /// The audience in the order notes are dealt (a repeated id counts once).
    pub accounts: &'a [PlanAccount],
    pub notes: &'a [PlanNote],
    pub seed: u64,
}

/// One placed assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub account_id: i64,
    pub post_id: i64,
    /// `None`: the note's own text.
    pub variant_id: Option<i64>,
    pub at: DateTime<Utc>,
}

/// An account the schedule has no room for: it needs `needed` slots and
/// `available` are free (its busy instants counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfall {
    pub account_id: i64,
    pub needed: u32,
    pub available: u32,
}

impl Shortfall {
    /// How many slots the account lacks.
    pub fn lacking(&self) -> u32 {
        self.needed - self.available
    }
}

/// Why no plan came out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The schedule is too short for these accounts, each named once.
    #[error("the schedule has too few slots for {} account(s)", .0.len())]
    Infeasible(Vec<Shortfall>),
}

/// Places every pair, ordered by instant (then account, then note).
pub fn plan(input: &PlanInput<'_>) -> Result<Vec<Placed>, PlanError> {
    let pairs = deal(input.pairing, input.accounts, input.notes);
    let grid = Grid::new(input.schedule);
    let mut placed = Vec::with_capacity(pairs.len());
    let mut short = Vec::new();
    for mine in pairs.chunk_by(|a, b| a.account == b.account) {
        let account = &input.accounts[mine[0].account];
        match place_account(&grid, account, mine, input.seed) {
            Ok(times) => placed.extend(times.into_iter().zip(rotate(mine)).map(|(t, p)| Placed {
                account_id: account.id,
                post_id: input.notes[p.note].id,
                variant_id: p.variant_id,
                at: instant(t),
            })),
            Err(available) => short.push(Shortfall {
                account_id: account.id,
                needed: mine.len() as u32,
                available,
            }),
        }
    }
    if !short.is_empty() {
        return Err(PlanError::Infeasible(short));
    }
    placed.sort_by_key(|p| (p.at, p.account_id, p.post_id));
    Ok(placed)
}

/// The account's notes in the order they take its instants: turned by the
/// account's place, so the first day does not go to the first note for all.
fn rotate(mine: &[Pair]) -> impl Iterator<Item = &Pair> {
    let turn = mine[0].account % mine.len();
    mine[turn..].iter().chain(&mine[..turn])
}

/// The account's instants in order, or how many it has room for.
fn place_account(
    grid: &Grid<'_>,
    account: &PlanAccount,
    mine: &[Pair],
    seed: u64,
) -> Result<Vec<i64>, u32> {
    let n = mine.len();
    let slots = Slots::new(grid, &account.busy);
    let mut latest = Vec::with_capacity(n);
    let mut probe = slots.clone();
    let mut bound = grid.last();
    while latest.len() < n {
        let Some(t) = probe.latest(bound) else {
            return Err(latest.len() as u32);
        };
        probe.take(t);
        latest.push(t);
        bound = t - grid.gap;
    }
    latest.reverse();

    let (mut slots, total) = (slots, grid.total());
    let mut times: Vec<i64> = Vec::with_capacity(n);
    for (i, late) in latest.into_iter().enumerate() {
        // Aim somewhere in the middle 80% of the note's slot.
        let u = unit(seed, account.id, i as u64);
        let pos = ((i as f64 + 0.1 + 0.8 * u) / n as f64 * total as f64) as i64;
        let mut from = grid.at_window_second(pos);
        if let Some(prev) = times.last() {
            from = from.max(prev + grid.gap);
        }
        let t = slots.earliest(from).filter(|t| *t <= late).unwrap_or(late);
        slots.take(t);
        times.push(t);
    }
    Ok(times)
}

/// A number in [0, 1) drawn from the seed, the account and the note's turn
/// (splitmix64), so accounts do not move in lockstep and plans repeat.
fn unit(seed: u64, account: i64, i: u64) -> f64 {
    let mut z = seed ^ (account as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ i.rotate_left(32);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
