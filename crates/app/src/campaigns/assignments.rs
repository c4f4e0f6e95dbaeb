//! A campaign's assignments: the list (filters `status`, `post_id`,
//! `account_id`, `group_id`; ascending ids, cursor paging), each with its
//! account and groups, note, link or task and where it stands; and moving
//! one to another instant under the planner's rules (a launched one moves
//! its link's opening or its task's due time too).
use super::{ensure_status, find, schedule_of};
use crate::groups::GroupRef;
use crate::paging::PageRequest;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use xhs_domain::campaign::{check_move, AssignmentStatus, CampaignStatus, Channel};
use xhs_domain::{
    AuditAction, AuditTarget, EventKind, FieldError, Rule, TaskStatus, ValidationErrors,
};
use xhs_persistence::campaign_assignments::{self as store, AssignmentFilter, AssignmentRow};
use xhs_persistence::{accounts, groups, links, tasks};

/// The list's query as the query string has it.
#[derive(Debug, Clone, Default)]
pub struct AssignmentQuery {
    pub status: Option<String>,
    pub post_id: Option<i64>,
    pub account_id: Option<i64>,
    pub group_id: Option<i64>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// One assignment as operators see it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentView {
    pub row: AssignmentRow,
    pub campaign_id: i64,
    pub account_name: String,
    pub groups: Vec<GroupRef>,
    pub post_title: String,
    /// `{public_url}/s/{token}` for a link.
    pub link_url: Option<String>,
    pub opened_at: Option<DateTime<Utc>>,
    pub tapped_at: Option<DateTime<Utc>>,
}

/// A page of assignments.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentPage {
    pub items: Vec<AssignmentView>,
    pub next_cursor: Option<String>,
}

/// Accounts, groups, titles and first events of the rows, a few queries in all.
pub(crate) async fn enrich(
    s: &Services,
    campaign_id: i64,
    rows: Vec<AssignmentRow>,
) -> AppResult<Vec<AssignmentView>> {
    let mut account_ids: Vec<i64> = rows.iter().map(|r| r.account_id).collect();
    account_ids.sort_unstable();
    account_ids.dedup();
    let names: HashMap<i64, String> = accounts::find_any(&s.db, &account_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let group_of = groups::of_accounts(&s.db, &account_ids).await?;
    let post_ids: Vec<i64> = rows.iter().map(|r| r.post_id).collect();
    let titles = xhs_persistence::campaigns::post_titles(&s.db, &post_ids).await?;
    let link_ids: Vec<i64> = rows.iter().filter_map(|r| r.link_id).collect();
    let firsts = store::first_events(&s.db, &link_ids).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let first = |k| row.link_id.and_then(|l| firsts.get(&(l, k)).copied());
            AssignmentView {
                campaign_id,
                account_name: names.get(&row.account_id).cloned().unwrap_or_default(),
                groups: group_of.get(&row.account_id).cloned().unwrap_or_default(),
                post_title: titles.get(&row.post_id).cloned().unwrap_or_default(),
                link_url: row
                    .link_token
                    .as_ref()
                    .map(|t| s.settings.url(&format!("s/{t}"))),
                opened_at: first(EventKind::Opened),
                tapped_at: first(EventKind::PublishTapped),
                row,
            }
        })
        .collect())
}

/// The list's filters (the export's too), their problems added to `errs`.
pub(crate) async fn check_filter(
    s: &Services,
    q: &AssignmentQuery,
    errs: &mut ValidationErrors,
) -> AppResult<AssignmentFilter> {
    let status = match q.status.as_deref() {
        Some(st) => errs.take(AssignmentStatus::parse_field("status", st)),
        None => None,
    };
    if let Some(g) = q.group_id {
        if groups::find(&s.db, g).await?.is_none() {
            errs.push(FieldError::new(
                "group_id",
                Rule::Exists,
                format!("no group {g}"),
            ));
        }
    }
    Ok(AssignmentFilter {
        status,
        post_id: q.post_id,
        account_id: q.account_id,
        group_id: q.group_id,
        after_id: None,
        limit: 0,
    })
}

pub async fn list_assignments(
    s: &Services,
    campaign_id: i64,
    q: &AssignmentQuery,
) -> AppResult<AssignmentPage> {
    find(&s.db, campaign_id).await?;
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let mut f = check_filter(s, q, &mut errs).await?;
    if !errs.is_empty() {
        return Err(errs.into());
    }
    f.after_id = page.before_id;
    f.limit = page.fetch();
    let rows = store::page(&s.db, campaign_id, &f, Utc::now()).await?;
    let (rows, next_cursor) = page.finish(rows, |r| r.id);
    Ok(AssignmentPage {
        items: enrich(s, campaign_id, rows).await?,
        next_cursor,
    })
}

/// One assignment with where it stands now; 404 when the campaign has none such.
async fn one(s: &Services, campaign_id: i64, id: i64) -> AppResult<AssignmentView> {
    let f = AssignmentFilter {
        after_id: Some(id - 1),
        limit: 1,
        ..AssignmentFilter::default()
    };
    let rows = store::page(&s.db, campaign_id, &f, Utc::now()).await?;
    let rows: Vec<_> = rows.into_iter().filter(|r| r.id == id).collect();
    enrich(s, campaign_id, rows)
        .await?
        .pop()
        .ok_or(AppError::NotFound(Resource::Assignment))
}

/// Moves one assignment to `at`, checked as the planner checks: inside the
/// campaign and its daily window, the gap and the day's limit kept against
/// the account's other assignments (here and in other running campaigns)
/// and its robot tasks. Only a `planned` or `scheduled` one moves.
pub async fn move_assignment(
    s: &Services,
    actor: &Actor,
    campaign_id: i64,
    id: i64,
    at: Option<DateTime<Utc>>,
) -> AppResult<AssignmentView> {
    let c = find(&s.db, campaign_id).await?;
    ensure_status(&c, &[CampaignStatus::Planned, CampaignStatus::Running])?;
    let current = one(s, campaign_id, id).await?;
    let Some(at) = at else {
        return Err(
            FieldError::new("scheduled_at", Rule::Required, "scheduled_at is required").into(),
        );
    };
    xhs_domain::check_instant("scheduled_at", &at)?;
    if !matches!(
        current.row.status,
        AssignmentStatus::Planned | AssignmentStatus::Scheduled
    ) {
        return Err(FieldError::new(
            "scheduled_at",
            Rule::OneOf,
            format!(
                "the assignment is {}; only a planned or scheduled one moves",
                current.row.status
            ),
        )
        .into());
    }
    if at <= Utc::now() {
        return Err(FieldError::new(
            "scheduled_at",
            Rule::Future,
            "scheduled_at must be in the future",
        )
        .into());
    }
    let schedule = schedule_of(s, &c)?;
    let account = current.row.account_id;
    let mut others = store::others_of_account(&s.db, campaign_id, account, id).await?;
    others.extend(
        store::busy(&s.db, &[account], campaign_id)
            .await?
            .remove(&account)
            .unwrap_or_default(),
    );
    check_move(&schedule, at, &others).map_err(|e| e.field_error("scheduled_at"))?;
    let w = s.write(actor).await?;
    store::reschedule(&*w, id, at).await?;
    if c.paused_at.is_none() {
        match (
            current.row.channel,
            current.row.link_id,
            current.row.task_id,
        ) {
            (Channel::Link, Some(l), _) => links::set_not_before(&*w, l, Some(at)).await?,
            (Channel::Robot, _, Some(t)) => {
                let unsent = [TaskStatus::Queued, TaskStatus::Waiting, TaskStatus::Paused];
                tasks::reschedule_if(&*w, t, &unsent, at.naive_utc()).await?;
            }
            _ => {}
        }
    }
    let change = Change::new(AuditAction::Update, AuditTarget::Campaign, campaign_id);
    w.commit(change.detail(format!("assignment {id} moved to {}", at.to_rfc3339())))
        .await?;
    one(s, campaign_id, id).await
}
