//! Progress: how many assignments stand at each status, overall and per
//! note, text (variant), group and account, from one grouped query; and
//! the move to `finished` once every assignment is settled.
use crate::{Actor, AppResult, Change, Services};
use chrono::Utc;
use std::collections::{BTreeMap, HashMap};
use xhs_domain::campaign::{AssignmentStatus, CampaignStatus};
use xhs_domain::webhook::CampaignEventData;
use xhs_domain::{AuditAction, AuditTarget, EventData};
use xhs_persistence::campaign_assignments as store;
use xhs_persistence::campaigns::{self as campaigns, Campaign};
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

async fn overall(s: &Services, id: i64) -> AppResult<Counts> {
    let mut c = Counts::default();
    for (row, st) in store::counts(&s.db, id, Utc::now()).await? {
        c.add(st, row.n.max(0) as u64);
    }
    Ok(c)
}

/// A running campaign whose assignments are all settled becomes `finished`
/// (a system write, audited); returns the campaign as it stands.
pub(crate) async fn settle(s: &Services, c: Campaign) -> AppResult<Campaign> {
    if c.status != CampaignStatus::Running || !overall(s, c.id).await?.settled() {
        return Ok(c);
    }
    let actor = Actor::system();
    let w = s.write(&actor).await?;
    let moved = campaigns::move_status(
        &*w,
        c.id,
        &[CampaignStatus::Running],
        CampaignStatus::Finished,
    )
    .await?;
    if moved {
        let data = CampaignEventData {
            campaign_id: c.id,
            name: Some(c.fields.name.clone()),
        };
        crate::webhooks::outbox::emit(&*w, EventData::CampaignFinished(data)).await?;
        let change = Change::new(AuditAction::Update, AuditTarget::Campaign, c.id);
        w.commit(change.detail("finished: every assignment is settled"))
            .await?;
    }
    super::find(&s.db, c.id).await
}

fn rows(
    map: BTreeMap<(i64, Option<i64>), Counts>,
    name: impl Fn(i64, Option<i64>) -> String,
    text: bool,
) -> Vec<ProgressRow> {
    map.into_iter()
        .map(|((a, b), counts)| ProgressRow {
            id: if text { b } else { Some(a) },
            post_id: text.then_some(a),
            name: name(a, b),
            counts,
        })
        .collect()
}

pub async fn progress(s: &Services, id: i64) -> AppResult<Progress> {
    let c = super::find(&s.db, id).await?;
    let c = settle(s, c).await?;
    let counted = store::counts(&s.db, id, Utc::now()).await?;
    let mut all = Counts::default();
    let mut by_post: BTreeMap<(i64, Option<i64>), Counts> = BTreeMap::new();
    let mut by_variant: BTreeMap<(i64, Option<i64>), Counts> = BTreeMap::new();
    let mut by_account: BTreeMap<(i64, Option<i64>), Counts> = BTreeMap::new();
    let mut labels: HashMap<i64, String> = HashMap::new();
    for (row, st) in &counted {
        let n = row.n.max(0) as u64;
        all.add(*st, n);
        by_post.entry((row.post_id, None)).or_default().add(*st, n);
        by_variant
            .entry((row.post_id, row.variant_id))
            .or_default()
            .add(*st, n);
        by_account
            .entry((row.account_id, None))
            .or_default()
            .add(*st, n);
        if let (Some(v), Some(l)) = (row.variant_id, &row.variant_label) {
            labels.insert(v, l.clone());
        }
    }
    let account_ids: Vec<i64> = by_account.keys().map(|(a, _)| *a).collect();
    let names: HashMap<i64, String> = accounts::find_any(&s.db, &account_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let group_of = groups::of_accounts(&s.db, &account_ids).await?;
    let mut by_group: BTreeMap<(i64, Option<i64>), Counts> = BTreeMap::new();
    let mut group_names: HashMap<i64, String> = HashMap::new();
    for ((account, _), counts) in &by_account {
        for g in group_of.get(account).into_iter().flatten() {
            group_names.insert(g.id, g.name.clone());
            let e = by_group.entry((g.id, None)).or_default();
            for (st, n) in [
                (AssignmentStatus::Planned, counts.planned),
                (AssignmentStatus::Scheduled, counts.scheduled),
                (AssignmentStatus::Open, counts.open),
                (AssignmentStatus::Opened, counts.opened),
                (AssignmentStatus::Tapped, counts.tapped),
                (AssignmentStatus::Published, counts.published),
                (AssignmentStatus::Failed, counts.failed),
                (AssignmentStatus::Cancelled, counts.cancelled),
            ] {
                e.add(st, n);
            }
        }
    }
    let mut titles: HashMap<i64, String> = HashMap::new();
    for p in &c.fields.post_ids {
        let t = xhs_persistence::posts::find_any(&s.db, *p).await?;
        titles.insert(*p, t.map(|p| p.title).unwrap_or_default());
    }
    let title = |p: i64| titles.get(&p).cloned().unwrap_or_default();
    Ok(Progress {
        campaign_id: id,
        status: c.status,
        overall: all,
        published_share: all.published_share(),
        by_post: rows(by_post, |p, _| title(p), false),
        by_variant: rows(
            by_variant,
            |p, v| match v {
                Some(v) => labels.get(&v).cloned().unwrap_or_else(|| format!("#{v}")),
                None => title(p),
            },
            true,
        ),
        by_group: rows(
            by_group,
            |g, _| group_names.get(&g).cloned().unwrap_or_default(),
            false,
        ),
        by_account: rows(
            by_account,
            |a, _| names.get(&a).cloned().unwrap_or_default(),
            false,
        ),
    })
}
