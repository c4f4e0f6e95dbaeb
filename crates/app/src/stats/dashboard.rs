//! The console's home: what moved today and this week, and what needs a look.
use crate::stats::{self, ReasonCount, Totals};
use crate::{AppResult, Services};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use xhs_domain::{EventKind, TaskStatus};
use xhs_persistence::events::{self, GroupBy, Scope};

/// How many notes and links the dashboard ranks.
const TOP: usize = 5;

/// A note that moved this week.
#[derive(Debug, Serialize, ToSchema, PartialEq, Eq)]
pub struct TopPost {
    pub id: i64,
    pub title: String,
    pub opens: i64,
    pub taps: i64,
    pub confirmed: i64,
}

/// A link that moved this week.
#[derive(Debug, Serialize, ToSchema, PartialEq, Eq)]
pub struct TopLink {
    pub id: i64,
    pub post_id: i64,
    pub post_title: String,
    pub label: Option<String>,
    pub opens: i64,
    pub taps: i64,
}

/// Robot tasks that need a look now.
#[derive(Debug, Default, Serialize, ToSchema, PartialEq, Eq)]
pub struct TaskAttention {
    pub failed: i64,
    pub unknown: i64,
    pub paused: i64,
    pub waiting: i64,
    /// Accepted, and not called back within `robots.callback_grace_secs`.
    pub overdue: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    /// The zone "today" and "week" are counted in (`XHSPUB__STATS__TIMEZONE`).
    pub timezone: String,
    pub today: Totals,
    /// The last 7 days, today included.
    pub week: Totals,
    /// At most 5 live notes with the most opens this week.
    pub top_posts: Vec<TopPost>,
    /// At most 5 links of live notes with the most opens this week.
    pub top_links: Vec<TopLink>,
    /// SDK failures this week by reason, most frequent first.
    pub failures_by_reason: Vec<ReasonCount>,
    pub tasks: TaskAttention,
}

pub async fn get(s: &Services) -> AppResult<Dashboard> {
    // One read of the week: its last day is today.
    let week = stats::of(s, Scope::All, Some(7)).await?;
    let today = week
        .daily
        .last()
        .map(|d| d.totals.clone())
        .unwrap_or_default();
    let since = (s.settings.today() - chrono::Duration::days(6))
        .format("%Y-%m-%d")
        .to_string();
    let posts = ranked(events::totals_since(&s.db, GroupBy::Post, &since).await?);
    let links = ranked(events::totals_since(&s.db, GroupBy::Link, &since).await?);
    let link_rows = xhs_persistence::links::find_many(&s.db, &ids(&links)).await?;
    let mut post_ids = ids(&posts);
    post_ids.extend(link_rows.iter().map(|l| l.post_id));
    let titles: BTreeMap<i64, String> = xhs_persistence::posts::live_titles(&s.db, &post_ids)
        .await?
        .into_iter()
        .map(|(id, t)| (id, t.unwrap_or_default()))
        .collect();
    let top_posts = posts
        .iter()
        .filter_map(|(id, t)| {
            Some(TopPost {
                id: *id,
                title: titles.get(id)?.clone(),
                opens: t.opens,
                taps: t.taps,
                confirmed: t.confirmed,
            })
        })
        .take(TOP)
        .collect();
    let by_id: BTreeMap<i64, _> = link_rows.into_iter().map(|l| (l.id, l)).collect();
    let top_links = links
        .iter()
        .filter_map(|(id, t)| {
            let link = by_id.get(id)?;
            Some(TopLink {
                id: *id,
                post_id: link.post_id,
                post_title: titles.get(&link.post_id)?.clone(),
                label: link.label.clone(),
                opens: t.opens,
                taps: t.taps,
            })
        })
        .take(TOP)
        .collect();
    Ok(Dashboard {
        timezone: s.settings.stats_timezone.name().to_owned(),
        today,
        week: week.totals,
        top_posts,
        top_links,
        failures_by_reason: week.failures_by_reason,
        tasks: task_attention(s).await?,
    })
}

/// Totals per id, most opens first (then most taps, then the newest id).
fn ranked(rows: Vec<(i64, EventKind, i64)>) -> Vec<(i64, Totals)> {
    let mut by_id: BTreeMap<i64, Totals> = BTreeMap::new();
    for (id, kind, n) in rows {
        by_id.entry(id).or_default().add(kind, n);
    }
    let mut v: Vec<_> = by_id.into_iter().collect();
    v.sort_by(|(a, x), (b, y)| (y.opens, y.taps, b).cmp(&(x.opens, x.taps, a)));
    // Deleted notes are dropped later, so keep a margin beyond TOP.
    v.truncate(TOP * 4);
    v
}

fn ids(v: &[(i64, Totals)]) -> Vec<i64> {
    v.iter().map(|(id, _)| *id).collect()
}

async fn task_attention(s: &Services) -> AppResult<TaskAttention> {
    let mut t = TaskAttention::default();
    let ever = chrono::NaiveDateTime::default();
    for (status, n) in xhs_persistence::tasks::count_by_status(&s.db, None, None, ever).await? {
        match status {
            TaskStatus::Failed => t.failed += n,
            TaskStatus::Unknown => t.unknown += n,
            TaskStatus::Paused => t.paused += n,
            TaskStatus::Waiting => t.waiting += n,
            _ => {}
        }
    }
    let due = (chrono::Utc::now() - s.fleet.callback_grace).naive_utc();
    t.overdue = xhs_persistence::task_watch::count_overdue(&s.db, due).await?;
    Ok(t)
}
