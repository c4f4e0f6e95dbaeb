//! Who gets which note and which text: the pairing of accounts and notes,
//! and variants dealt so that the accounts of one group post different texts
//! while there are enough of them (then as evenly as they go round).
use super::Pairing;
use std::collections::HashMap;

/// An account of the audience, with the groups it is in and the instants it
/// is already busy (other running campaigns, robot tasks).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanAccount {
    pub id: i64,
    pub group_ids: Vec<i64>,
    pub busy: Vec<chrono::DateTime<chrono::Utc>>,
}

/// A note of the campaign and its variants. The note's own text is dealt
/// too, as variant `None` beside the listed ones: a note with three variants
/// has four texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanNote {
    pub id: i64,
    pub variant_ids: Vec<i64>,
}

/// One (account, note) pair with its text, by index into the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub account: usize,
    pub note: usize,
    pub variant_id: Option<i64>,
}

/// Pairs every account with its notes and deals the texts. Accounts are
/// taken in the given order, each once; `each_account_one_post` hands the
/// notes out in turn (account i gets note i mod n).
pub fn deal(pairing: Pairing, accounts: &[PlanAccount], notes: &[PlanNote]) -> Vec<Pair> {
    if notes.is_empty() {
        return Vec::new();
    }
    let mut dealer = Dealer::default();
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (a, account) in accounts.iter().enumerate() {
        // An account named twice (directly and through a group) is one
        // account: its second mention would escape its own limits.
        if !seen.insert(account.id) {
            continue;
        }
        let mine: Vec<usize> = match pairing {
            Pairing::EachAccountEveryPost => (0..notes.len()).collect(),
            Pairing::EachAccountOnePost => vec![a % notes.len()],
        };
        for n in mine {
            let variant_id = dealer.text(a, account, &notes[n]);
            out.push(Pair {
                account: a,
                note: n,
                variant_id,
            });
        }
    }
    out
}

/// How often each text of a note went to each group and overall.
#[derive(Default)]
struct Dealer {
    in_group: HashMap<(i64, i64, usize), u32>,
    overall: HashMap<(i64, usize), u32>,
}

impl Dealer {
    /// The text least used in the account's groups (the most crowded of
    /// them first), then least used overall, then the next in turn.
    fn text(&mut self, a: usize, account: &PlanAccount, note: &PlanNote) -> Option<i64> {
        let texts = note.variant_ids.len() + 1;
        let score = |t: usize| {
            let uses = account
                .group_ids
                .iter()
                .map(|g| self.in_group.get(&(note.id, *g, t)).copied().unwrap_or(0));
            let (max, sum) = uses.fold((0, 0), |(m, s), u| (m.max(u), s + u));
            let overall = self.overall.get(&(note.id, t)).copied().unwrap_or(0);
            (max, sum, overall, (t + texts - a % texts) % texts)
        };
        let best = (0..texts).min_by_key(|t| score(*t)).unwrap_or(0);
        for g in &account.group_ids {
            *self.in_group.entry((note.id, *g, best)).or_default() += 1;
        }
        *self.overall.entry((note.id, best)).or_default() += 1;
        best.checked_sub(1).map(|v| note.variant_ids[v])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: i64, groups: &[i64]) -> PlanAccount {
        PlanAccount {
            id,
            group_ids: groups.to_vec(),
            busy: vec![],
        }
    }

    #[test]
    fn every_account_gets_every_note_or_the_notes_go_round() {
        let accounts: Vec<_> = (1..=5).map(|i| account(i, &[])).collect();
        let notes: Vec<_> = (10..13)
            .map(|id| PlanNote {
                id,
                variant_ids: vec![],
            })
            .collect();
        assert_eq!(
            deal(Pairing::EachAccountEveryPost, &accounts, &notes).len(),
            15
        );
        let one = deal(Pairing::EachAccountOnePost, &accounts, &notes);
        let got: Vec<_> = one.iter().map(|p| (p.account, p.note)).collect();
        assert_eq!(got, [(0, 0), (1, 1), (2, 2), (3, 0), (4, 1)]);
        assert!(deal(Pairing::EachAccountEveryPost, &accounts, &[]).is_empty());
        let twice = [account(1, &[]), account(2, &[]), account(1, &[9])];
        assert_eq!(deal(Pairing::EachAccountEveryPost, &twice, &notes).len(), 6);
    }

    #[test]
    fn a_group_gets_different_texts_while_there_are_enough_then_evenly() {
        let note = PlanNote {
            id: 7,
            variant_ids: vec![71, 72, 73],
        };
        let class: Vec<_> = (0..4).map(|i| account(i, &[1])).collect();
        let texts: Vec<_> = deal(
            Pairing::EachAccountEveryPost,
            &class,
            std::slice::from_ref(&note),
        )
        .iter()
        .map(|p| p.variant_id)
        .collect();
        let mut distinct = texts.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 4, "{texts:?}");

        let class: Vec<_> = (0..10).map(|i| account(i, &[1 + i % 2])).collect();
        let pairs = deal(Pairing::EachAccountEveryPost, &class, &[note]);
        for g in [1, 2] {
            let mut uses = HashMap::new();
            for p in pairs.iter().filter(|p| class[p.account].group_ids == [g]) {
                *uses.entry(p.variant_id).or_insert(0) += 1;
            }
            let (lo, hi) = (uses.values().min(), uses.values().max());
            assert!(
                hi.zip(lo).is_some_and(|(h, l)| h - l <= 1),
                "group {g}: {uses:?}"
            );
            assert_eq!(uses.len(), 4, "group {g}: {uses:?}");
        }
    }
}
