//! Progress: how many assignments stand at each status, overall and per
//! note, text (variant), group and account, from two grouped counts of the
//! stored statuses (per note and text, per account; each read from one
//! index), the accounts' names and their groups.
use crate::{AppResult, Services};
use chrono::Utc;
use futures_util::future::try_join3;
use std::collections::{BTreeMap, HashMap};
use xhs_domain::campaign::{AssignmentStatus, CampaignStatus};
use xhs_persistence::campaign_assignments as store;
use xhs_persistence::campaigns;
use xhs_persistence::{accounts, groups};

/// How many assignments stand at each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub planned: u64,
    pub scheduled: u64,
    pub open: u64,
    pub opened: u64,
    pub tapped: u64,
    pub published: u64,
    pub failed: u64,
    pub cancelled: u64,
    pub total: u64,
}

impl Counts {
    fn add(&mut self, s: AssignmentStatus, n: u64) {
        let slot = match s {
            AssignmentStatus::Planned => &mut self.planned,
            AssignmentStatus::Scheduled => &mut self.scheduled,
            AssignmentStatus::Open => &mut self.open,
            AssignmentStatus::Opened => &mut self.opened,
            AssignmentStatus::Tapped => &mut self.tapped,
            AssignmentStatus::Published => &mut self.published,
            AssignmentStatus::Failed => &mut self.failed,
            AssignmentStatus::Cancelled => &mut self.cancelled,
        };
        *slot += n;
        self.total += n;
    }

    /// Published among those not cancelled, 0 to 1.
    pub fn published_share(&self) -> f64 {
        let live = self.total - self.cancelled;
        if live == 0 {
            0.0
        } else {
            self.published as f64 / live as f64
        }
    }

    /// Every assignment is published, failed or cancelled.
    pub fn settled(&self) -> bool {
        self.total > 0 && self.published + self.failed + self.cancelled == self.total
    }
}

/// The counts of one note, text, group or account.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRow {
    /// The note, group or account; for a text, its variant (None: the note's own).
    pub id: Option<i64>,
    /// For a text: its note.
    pub post_id: Option<i64>,
    /// The note's title, the variant's label, the group's or account's name.
    pub name: String,
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub campaign_id: i64,
    pub status: CampaignStatus,
    pub overall: Counts,
    pub published_share: f64,
    pub by_post: Vec<ProgressRow>,
    pub by_variant: Vec<ProgressRow>,
    pub by_group: Vec<ProgressRow>,
    pub by_account: Vec<ProgressRow>,
}

/// Counts per note and text (the overall and per-note counts add up from them).
async fn by_text(s: &Services, id: i64) -> AppResult<Vec<(store::TextCount, AssignmentStatus)>> {
    Ok(store::counts_by_text(&s.db, id, Utc::now()).await?)
}

fn overall(rows: &[(store::TextCount, AssignmentStatus)]) -> Counts {
    let mut c = Counts::default();
    for (row, st) in rows {
        c.add(*st, row.n.max(0) as u64);
    }
    c
}

/// The overall counts of a campaign.
pub(crate) async fn overall_of(s: &Services, id: i64) -> AppResult<Counts> {
    Ok(overall(&by_text(s, id).await?))
}

/// Rows of counts by key, in key order, named by `name`.
fn keyed(
    rows: Vec<(store::KeyCount, AssignmentStatus)>,
    name: impl Fn(i64) -> String,
) -> Vec<ProgressRow> {
    let mut map: BTreeMap<i64, Counts> = BTreeMap::new();
    for (row, st) in rows {
        map.entry(row.k).or_default().add(st, row.n.max(0) as u64);
    }
    map.into_iter()
        .map(|(k, counts)| ProgressRow {
            id: Some(k),
            post_id: None,
            name: name(k),
            counts,
        })
        .collect()
}

/// The three reads of the campaign's own rows run at once (each on its own
/// connection), then the three that name what they found.
pub async fn progress(s: &Services, id: i64) -> AppResult<Progress> {
    let now = Utc::now();
    let (status, texts, accounts_counted) = try_join3(
        campaigns::status(&s.db, id),
        store::counts_by_text(&s.db, id, now),
        store::counts_by_account(&s.db, id, now),
    )
    .await?;
    let status = status.ok_or(crate::AppError::NotFound(crate::Resource::Campaign))?;
    let all = overall(&texts);
    let mut by_post: BTreeMap<i64, Counts> = BTreeMap::new();
    let mut by_variant: BTreeMap<(i64, Option<i64>), (Counts, Option<String>)> = BTreeMap::new();
    for (row, st) in &texts {
        let n = row.n.max(0) as u64;
        by_post.entry(row.post_id).or_default().add(*st, n);
        let e = by_variant.entry((row.post_id, row.variant_id)).or_default();
        e.0.add(*st, n);
        e.1 = e.1.take().or_else(|| row.variant_label.clone());
    }
    let post_ids: Vec<i64> = by_post.keys().copied().collect();
    let mut account_ids: Vec<i64> = accounts_counted.iter().map(|(r, _)| r.k).collect();
    account_ids.sort_unstable();
    account_ids.dedup();
    // Groups from the accounts' counts (an account in several groups
    // counts in each): no second pass over the assignments.
    let (titles, names, group_of) = try_join3(
        campaigns::post_titles(&s.db, &post_ids),
        accounts::names(&s.db, &account_ids),
        groups::of_accounts(&s.db, &account_ids),
    )
    .await?;
    let title = |p: i64| titles.get(&p).cloned().unwrap_or_default();
    let mut groups_counted = Vec::new();
    let mut group_names: HashMap<i64, String> = HashMap::new();
    for (row, st) in &accounts_counted {
        for g in group_of.get(&row.k).into_iter().flatten() {
            group_names.insert(g.id, g.name.clone());
            let mut r = row.clone();
            r.k = g.id;
            groups_counted.push((r, *st));
        }
    }
    Ok(Progress {
        campaign_id: id,
        status,
        overall: all,
        published_share: all.published_share(),
        by_post: by_post
            .into_iter()
            .map(|(p, counts)| ProgressRow {
                id: Some(p),
                post_id: None,
                name: title(p),
                counts,
            })
            .collect(),
        by_variant: by_variant
            .into_iter()
            .map(|((p, v), (counts, label))| ProgressRow {
                id: v,
                post_id: Some(p),
                name: match v {
                    Some(v) => label.unwrap_or_else(|| format!("#{v}")),
                    None => title(p),
                },
                counts,
            })
            .collect(),
        by_group: keyed(groups_counted, |g| {
            group_names.get(&g).cloned().unwrap_or_default()
        }),
        by_account: keyed(accounts_counted, |a| {
            names.get(&a).cloned().unwrap_or_default()
        }),
    })
}
