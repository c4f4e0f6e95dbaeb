//! Campaigns (issue 19 item 3): many notes to many accounts over days. This
//! folder owns the campaign itself (`mod.rs`: create, list, get, update,
//! delete; `input.rs`: its checks), the plan (`plan.rs`), launch, pause,
//! resume and cancel (`launch.rs`, `control.rs`), the assignments list and
//! moving one (`assignments.rs`), and progress with reminders
//! (`progress.rs`, `reminders.rs`). The placement itself is the pure planner
//! in `xhs_domain::campaign`.
//!
//! A campaign is `finished` once every assignment is published, failed or
//! cancelled, or its end has passed (`settle.rs`): the worker's step moves
//! it (a system write with its audit entry and `campaign.finished`, once).
pub(crate) mod assignments;
mod control;
mod input;
mod launch;
mod plan;
mod progress;
mod qr_sheet;
mod reminders;
mod settle;

pub use assignments::{
    list_assignments, move_assignment, AssignmentPage, AssignmentQuery, AssignmentView,
};
pub use control::{cancel, pause, resume};
pub use input::{RawAudience, RawCampaign, MAX_ACCOUNTS, MAX_GROUPS, MAX_POSTS};
pub use launch::launch;
pub use plan::plan;
pub use progress::{progress, Counts, Progress, ProgressRow};
pub use qr_sheet::qr_sheet;
pub use reminders::{reminders, GroupReminder, Reminder, Reminders};
pub use settle::step as settle_step;
pub use xhs_persistence::campaigns::{Campaign, CampaignFields};

use crate::paging::PageRequest;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::campaign::{CampaignStatus, RawSchedule, RawWindow, Schedule};
use xhs_domain::{AuditAction, AuditTarget, ValidationErrors};
use xhs_persistence::campaign_assignments as assignments_store;
use xhs_persistence::campaigns as store;

/// A campaign with how many assignments it has.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignView {
    pub campaign: Campaign,
    pub assignment_count: u64,
}

/// The checked schedule of a stored campaign.
pub(crate) fn schedule_of(s: &Services, c: &Campaign) -> AppResult<Schedule> {
    let f = &c.fields;
    let raw = RawSchedule {
        start_at: Some(f.start_at),
        end_at: Some(f.end_at),
        daily_window: Some(RawWindow {
            from: Some(f.window_from.clone()),
            to: Some(f.window_to.clone()),
        }),
        per_account_per_day: Some(f.per_account_per_day.into()),
        min_gap_minutes: Some(f.min_gap_minutes.into()),
    };
    Schedule::parse(&raw, s.settings.stats_timezone)
        .map_err(|e| AppError::storage(format!("campaign {}: stored schedule: {e:?}", c.id)))
}

/// The campaign, or 404.
pub(crate) async fn find(
    db: &impl xhs_persistence::ConnectionTrait,
    id: i64,
) -> AppResult<Campaign> {
    store::find(db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Campaign))
}

/// 409 `campaign_state` unless the campaign is in one of `allowed`.
pub(crate) fn ensure_status(c: &Campaign, allowed: &[CampaignStatus]) -> AppResult<()> {
    if allowed.contains(&c.status) {
        Ok(())
    } else {
        Err(state_error(c))
    }
}

pub(crate) fn state_error(c: &Campaign) -> AppError {
    AppError::CampaignState {
        status: c.status,
        paused: c.paused_at.is_some(),
    }
}

async fn view(s: &Services, campaign: Campaign) -> AppResult<CampaignView> {
    let assignment_count = assignments_store::count(&s.db, campaign.id).await?;
    Ok(CampaignView {
        campaign,
        assignment_count,
    })
}

/// A new campaign in `draft`, all or nothing.
pub async fn create(s: &Services, actor: &Actor, raw: &RawCampaign) -> AppResult<CampaignView> {
    let checked = input::check(s, raw).await?;
    let w = s.write(actor).await?;
    let c = store::create(&*w, &checked.fields, &actor.name).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Campaign, c.id);
    w.commit(change.detail(c.fields.name.clone())).await?;
    view(s, c).await
}

/// The campaigns' list query.
#[derive(Debug, Clone, Default)]
pub struct CampaignQuery {
    pub status: Option<String>,
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

/// A page of campaigns, newest first.
pub async fn list(
    s: &Services,
    q: &CampaignQuery,
) -> AppResult<(Vec<CampaignView>, Option<String>)> {
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let status = match q.status.as_deref() {
        Some(st) => errs.take(CampaignStatus::parse_field("status", st)),
        None => None,
    };
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let rows = store::list(&s.db, status, page.before_id, page.fetch()).await?;
    let (rows, next) = page.finish(rows, |c| c.id);
    let mut out = Vec::with_capacity(rows.len());
    for c in rows {
        out.push(view(s, c).await?);
    }
    Ok((out, next))
}

/// One campaign.
pub async fn get(s: &Services, id: i64) -> AppResult<CampaignView> {
    let c = find(&s.db, id).await?;
    view(s, c).await
}

/// Replaces a campaign that is not launched yet, checked against the
/// version the caller read; a planned campaign goes back to `draft` (its
/// plan no longer fits) and must be planned again.
pub async fn update(
    s: &Services,
    actor: &Actor,
    id: i64,
    version: Option<i32>,
    raw: &RawCampaign,
) -> AppResult<CampaignView> {
    let Some(version) = version else {
        return Err(xhs_domain::FieldError::new(
            "version",
            xhs_domain::Rule::Required,
            "version is required (the version you read)",
        )
        .into());
    };
    let current = find(&s.db, id).await?;
    ensure_status(&current, &[CampaignStatus::Draft, CampaignStatus::Planned])?;
    let checked = input::check(s, raw).await?;
    let w = s.write(actor).await?;
    let from = [CampaignStatus::Draft, CampaignStatus::Planned];
    if !store::replace(
        &*w,
        id,
        version,
        &from,
        CampaignStatus::Draft,
        &checked.fields,
    )
    .await?
    {
        drop(w);
        let now = find(&s.db, id).await?;
        return Err(if now.version != version {
            AppError::VersionConflict {
                current_version: now.version,
            }
        } else {
            state_error(&now)
        });
    }
    assignments_store::clear(&*w, id).await?;
    let change = Change::new(AuditAction::Update, AuditTarget::Campaign, id);
    w.commit(change.detail(checked.fields.name)).await?;
    get(s, id).await
}

/// Deletes a campaign that is not running (a running one is cancelled
/// first: its links and tasks exist).
pub async fn delete(s: &Services, actor: &Actor, id: i64) -> AppResult<()> {
    let c = find(&s.db, id).await?;
    let allowed = [
        CampaignStatus::Draft,
        CampaignStatus::Planned,
        CampaignStatus::Finished,
        CampaignStatus::Cancelled,
    ];
    ensure_status(&c, &allowed)?;
    let w = s.write(actor).await?;
    if !store::delete(&*w, id, &allowed).await? {
        drop(w);
        return Err(state_error(&find(&s.db, id).await?));
    }
    let change = Change::new(AuditAction::Delete, AuditTarget::Campaign, id);
    w.commit(change.detail(c.fields.name)).await
}
