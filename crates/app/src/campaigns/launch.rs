//! Launch: in one transaction, a share link per assignment for people's
//! accounts (it opens at the assignment's instant through the link's
//! `not_before`, and expires at the campaign's `link_expires_at`) and a
//! robot task per assignment for robot accounts (due at that instant: the
//! dispatcher sends nothing before a task's `not_before`, and then within
//! the fleet's limits). The campaign's move from `planned` to `running` is
//! a compare-and-set done first in the same transaction, so a launch run
//! twice, or by two instances at once, makes one set.
use super::{ensure_status, find, plan, CampaignView};
use crate::{Actor, AppResult, Change, Services};
use std::collections::HashMap;
use xhs_domain::campaign::{AssignmentStatus, CampaignStatus, Channel};
use xhs_domain::webhook::CampaignEventData;
use xhs_domain::{AuditAction, AuditTarget, EventData, RobotFunction, SharePlatform};
use xhs_persistence::campaign_assignments::{self as assignments, Carrier};
use xhs_persistence::campaigns as store;
use xhs_persistence::links::{self as links, NewLink};
use xhs_persistence::records;
use xhs_persistence::tasks::{self as tasks, NewTask};

/// Each note's platforms: the campaign's choice (checked again: a note may
/// have changed since) or the note's default.
async fn platforms(
    s: &Services,
    c: &store::Campaign,
) -> AppResult<HashMap<i64, Vec<SharePlatform>>> {
    let mut out = HashMap::new();
    for post in plan::notes(s, c).await? {
        let p = match &c.fields.platforms {
            Some(names) => crate::links::handoff::chosen(s, &post, names)
                .map_err(xhs_domain::ValidationErrors)?,
            None => crate::links::handoff::default_for(s, &post)?,
        };
        out.insert(post.id, p);
    }
    Ok(out)
}

pub async fn launch(s: &Services, actor: &Actor, id: i64) -> AppResult<CampaignView> {
    let c = find(&s.db, id).await?;
    ensure_status(&c, &[CampaignStatus::Planned])?;
    let platforms = platforms(s, &c).await?;
    let rows = assignments::of_campaign(&s.db, id).await?;
    if rows.iter().any(|a| a.channel == Channel::Robot.as_str()) {
        crate::fleet::robots::client(s)?;
    }
    let w = s.write(actor).await?;
    if !store::move_status(&*w, id, &[CampaignStatus::Planned], CampaignStatus::Running).await? {
        drop(w);
        return Err(super::state_error(&find(&s.db, id).await?));
    }
    let (people, robots): (Vec<_>, Vec<_>) = rows
        .iter()
        .partition(|a| a.channel != Channel::Robot.as_str());
    // People's links and records in chunks; then each assignment its link.
    let new_links: Vec<NewLink> = people
        .iter()
        .map(|a| NewLink {
            token: crate::links::manage::new_token(),
            post_id: a.post_id,
            account_id: Some(a.account_id),
            label: None,
            expires_at: c.fields.link_expires_at,
            platforms: platforms.get(&a.post_id).cloned().unwrap_or_default(),
            not_before: Some(xhs_persistence::utc(a.scheduled_at)),
            variant_id: a.variant_id,
        })
        .collect();
    let link_ids = links::create_many(&*w, &new_links).await?;
    let records: Vec<_> = people
        .iter()
        .zip(&link_ids)
        .map(|(a, l)| (a.post_id, a.account_id, Some(*l)))
        .collect();
    records::ensure_many(&*w, &records).await?;
    for (a, l) in people.iter().zip(&link_ids) {
        let carrier = Carrier {
            link_id: Some(*l),
            status: Some(AssignmentStatus::Scheduled),
            ..Carrier::default()
        };
        assignments::set(&*w, a.id, &carrier).await?;
    }
    for a in &robots {
        let task = tasks::create(
            &*w,
            &NewTask {
                post_id: a.post_id,
                robot_id: a.account_id,
                function: RobotFunction::Publish,
                request_id: crate::fleet::tasks::uuid_like(),
                not_before: a.scheduled_at,
                variant_id: a.variant_id,
            },
        )
        .await?;
        records::ensure(&*w, a.post_id, a.account_id, None).await?;
        let carrier = Carrier {
            task_id: Some(task.id),
            status: Some(AssignmentStatus::Scheduled),
            ..Carrier::default()
        };
        assignments::set(&*w, a.id, &carrier).await?;
    }
    let (made_links, made_tasks) = (people.len(), robots.len());
    crate::webhooks::outbox::emit(
        &*w,
        EventData::CampaignLaunched(CampaignEventData {
            campaign_id: id,
            name: Some(c.fields.name.clone()),
        }),
    )
    .await?;
    let change = Change::new(AuditAction::Launch, AuditTarget::Campaign, id);
    let detail = format!("{made_links} link(s), {made_tasks} robot task(s)");
    w.commit(change.detail(detail)).await?;
    super::get(s, id).await
}
