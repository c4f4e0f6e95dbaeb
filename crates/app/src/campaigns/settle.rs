//! A running campaign becomes `finished` once every assignment is published,
//! failed or cancelled, or once its end has passed (what is still open keeps
//! going; nothing more is planned for it). The move is a compare-and-set on
//! the campaign's status in the transaction that writes `campaign.finished`
//! and its audit entry, so however many instances and readers try at once,
//! it happens, and the event is written, once. The worker's [`step`] does it
//! for every running campaign (reads never write: before, reading a campaign
//! finished it, so an unread one never did).
use super::progress::Counts;
use crate::{Actor, AppResult, Change, Services};
use chrono::Utc;
use xhs_domain::campaign::CampaignStatus;
use xhs_domain::webhook::CampaignEventData;
use xhs_domain::{AuditAction, AuditTarget, EventData};
use xhs_persistence::campaigns::{self as store, Campaign};

/// Running campaigns looked at per query.
const PAGE: u64 = 100;

/// Why a campaign is over, if it is. A paused one whose end has passed
/// waits for its operator (to resume or cancel it).
fn over(c: &Campaign, all: &Counts) -> Option<&'static str> {
    if c.status != CampaignStatus::Running {
        None
    } else if all.settled() {
        Some("finished: every assignment is settled")
    } else if c.paused_at.is_none() && c.fields.end_at <= Utc::now() {
        Some("finished: its end has passed")
    } else {
        None
    }
}

/// Finishes `c` if it is over by `all`; true when this call moved it.
async fn finish_if_over(s: &Services, c: &Campaign, all: &Counts) -> AppResult<bool> {
    let Some(why) = over(c, all) else {
        return Ok(false);
    };
    let actor = Actor::system();
    let w = s.write(&actor).await?;
    let from = [CampaignStatus::Running];
    if !store::move_status(&*w, c.id, &from, CampaignStatus::Finished).await? {
        // Another instance, or a reader, finished it first.
        return Ok(false);
    }
    let data = CampaignEventData {
        campaign_id: c.id,
        name: Some(c.fields.name.clone()),
    };
    crate::webhooks::outbox::emit(&*w, EventData::CampaignFinished(data)).await?;
    let change = Change::new(AuditAction::Update, AuditTarget::Campaign, c.id);
    w.commit(change.detail(why)).await?;
    Ok(true)
}

/// The worker's step: finishes every running campaign that is over;
/// answers how many this call finished.
pub async fn step(s: &Services) -> AppResult<u64> {
    let mut finished = 0;
    let mut before = None;
    loop {
        let page = store::list(&s.db, Some(CampaignStatus::Running), before, PAGE).await?;
        for c in &page {
            let all = super::progress::overall_of(s, c.id).await?;
            finished += u64::from(finish_if_over(s, c, &all).await?);
        }
        match page.last() {
            Some(c) if page.len() as u64 == PAGE => before = Some(c.id),
            _ => return Ok(finished),
        }
    }
}
