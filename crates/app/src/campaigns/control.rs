//! Pause, resume and cancel a campaign. Only what has not reached anyone
//! is touched: links nobody has opened yet and tasks not sent yet. A paused
//! campaign's links open, and its tasks are due, on 9000-01-01 ([`held_until`]); on
//! resume each goes back to its assignment's instant (a passed one opens,
//! or is sent, at once, the fleet's limits still applying). Cancel revokes
//! the unopened links and cancels the unsent tasks; their assignments are
//! `cancelled`, the rest keep going.
use super::{ensure_status, find, state_error, CampaignView};
use crate::{Actor, AppResult, Change, Services};
use chrono::{DateTime, TimeZone, Utc};
use xhs_domain::campaign::{AssignmentStatus, CampaignStatus, Channel};
use xhs_domain::{AuditAction, AuditTarget, TaskStatus};
use xhs_persistence::campaign_assignments::{
    self as assignments, AssignmentFilter, AssignmentRow, Carrier,
};
use xhs_persistence::campaigns as store;
use xhs_persistence::{links, tasks, ConnectionTrait};

/// Tasks not sent yet.
const UNSENT: [TaskStatus; 3] = [TaskStatus::Queued, TaskStatus::Waiting, TaskStatus::Paused];

/// Where a paused campaign's links and tasks wait: far enough to never come.
fn held_until() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(9000, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The assignments that have reached nobody yet (`scheduled` or `open`).
async fn unreached(db: &impl ConnectionTrait, id: i64) -> AppResult<Vec<AssignmentRow>> {
    let mut out = Vec::new();
    for status in [AssignmentStatus::Scheduled, AssignmentStatus::Open] {
        let f = AssignmentFilter {
            status: Some(status),
            limit: u64::from(u32::MAX),
            ..AssignmentFilter::default()
        };
        out.extend(assignments::page(db, id, &f, Utc::now()).await?);
    }
    Ok(out)
}

/// Holds (`Some(held)`) or releases (`None`) what has reached nobody.
async fn hold(db: &impl ConnectionTrait, id: i64, held: bool) -> AppResult<usize> {
    let mut n = 0;
    for a in unreached(db, id).await? {
        let at = if held { held_until() } else { a.scheduled_at };
        match (a.channel, a.link_id, a.task_id) {
            (Channel::Link, Some(l), _) => {
                links::set_not_before(db, l, Some(at)).await?;
                n += 1;
            }
            (Channel::Robot, _, Some(t)) => {
                n += usize::from(tasks::reschedule_if(db, t, &UNSENT, at.naive_utc()).await?);
            }
            _ => {}
        }
    }
    Ok(n)
}

pub async fn pause(s: &Services, actor: &Actor, id: i64) -> AppResult<CampaignView> {
    let c = find(&s.db, id).await?;
    ensure_status(&c, &[CampaignStatus::Running])?;
    let w = s.write(actor).await?;
    if !store::set_paused(&*w, id, true).await? {
        drop(w);
        return Err(state_error(&find(&s.db, id).await?));
    }
    let n = hold(&*w, id, true).await?;
    let change = Change::new(AuditAction::Pause, AuditTarget::Campaign, id);
    w.commit(change.detail(format!("{n} link(s) and task(s) held")))
        .await?;
    super::get(s, id).await
}

pub async fn resume(s: &Services, actor: &Actor, id: i64) -> AppResult<CampaignView> {
    let c = find(&s.db, id).await?;
    ensure_status(&c, &[CampaignStatus::Running])?;
    let w = s.write(actor).await?;
    if !store::set_paused(&*w, id, false).await? {
        drop(w);
        return Err(state_error(&find(&s.db, id).await?));
    }
    let n = hold(&*w, id, false).await?;
    let change = Change::new(AuditAction::Resume, AuditTarget::Campaign, id);
    w.commit(change.detail(format!("{n} link(s) and task(s) released")))
        .await?;
    super::get(s, id).await
}

/// Cancels a campaign not finished yet. Before launch its assignments are
/// simply cancelled; after, see the module's comment.
pub async fn cancel(s: &Services, actor: &Actor, id: i64) -> AppResult<CampaignView> {
    let c = find(&s.db, id).await?;
    let from = [
        CampaignStatus::Draft,
        CampaignStatus::Planned,
        CampaignStatus::Running,
    ];
    ensure_status(&c, &from)?;
    let w = s.write(actor).await?;
    if !store::move_status(&*w, id, &from, CampaignStatus::Cancelled).await? {
        drop(w);
        return Err(state_error(&find(&s.db, id).await?));
    }
    let planned = assignments::move_all(
        &*w,
        id,
        AssignmentStatus::Planned,
        AssignmentStatus::Cancelled,
    )
    .await?;
    let mut stopped = 0u64;
    for a in unreached(&*w, id).await? {
        let done = match (a.channel, a.link_id, a.task_id) {
            (Channel::Link, Some(l), _) => {
                links::revoke(&*w, l).await?;
                true
            }
            (Channel::Robot, _, Some(t)) => {
                let change = tasks::Change {
                    status: Some(TaskStatus::Cancelled),
                    finished_at: Some(Some(xhs_persistence::now_utc())),
                    reason: Some(Some("campaign cancelled".into())),
                    lease: Some(None),
                    ..tasks::Change::default()
                };
                tasks::update_if(&*w, t, &UNSENT, None, change).await?
            }
            _ => false,
        };
        if done {
            let carrier = Carrier {
                status: Some(AssignmentStatus::Cancelled),
                reason: Some("campaign cancelled".into()),
                ..Carrier::default()
            };
            assignments::set(&*w, a.id, &carrier).await?;
            stopped += 1;
        }
    }
    let change = Change::new(AuditAction::Cancel, AuditTarget::Campaign, id);
    let detail = format!("{} assignment(s) cancelled", planned + stopped);
    w.commit(change.detail(detail)).await?;
    super::get(s, id).await
}
