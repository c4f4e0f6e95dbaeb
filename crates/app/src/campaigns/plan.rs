//! The plan: every (account, note) of the campaign at an instant, spread
//! inside the schedule, counting each account's assignments in other
//! running campaigns and its robot tasks. It may run again until launch; a
//! new plan replaces the old in one transaction. A schedule too short for
//! some accounts is a 422 `schedule_infeasible` naming each of them and the
//! slots it lacks: nothing is dropped.
use super::{ensure_status, find, schedule_of, CampaignView};
use crate::{Actor, AppError, AppResult, Change, Services, Shortfall};
use chrono::Utc;
use std::collections::HashMap;
use xhs_domain::campaign::{
    self as planner, CampaignStatus, Channel, PlanAccount, PlanInput, PlanNote,
};
use xhs_domain::{AccountKind, AuditAction, AuditTarget, FieldError, Rule, ValidationErrors};
use xhs_persistence::campaign_assignments::{self as assignments, NewAssignment};
use xhs_persistence::campaigns::{self as store, Campaign};
use xhs_persistence::{accounts, groups, Account};

/// The campaign's audience as accounts, in the order chosen (accounts
/// named directly, then each group's members by id), each once, live only.
pub(crate) async fn audience(s: &Services, c: &Campaign) -> AppResult<Vec<Account>> {
    let mut ids = c.fields.account_ids.clone();
    for g in &c.fields.group_ids {
        ids.extend(groups::member_ids(&s.db, *g).await?);
    }
    let mut seen = std::collections::HashSet::new();
    ids.retain(|a| seen.insert(*a));
    let mut found: HashMap<i64, Account> = accounts::find_any(&s.db, &ids)
        .await?
        .into_iter()
        .filter(|a| !a.is_deleted)
        .map(|a| (a.id, a))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// The notes of a campaign, live and (with approval on) approved; a note
/// deleted since is a 422 naming `post_ids[i]`.
pub(crate) async fn notes(s: &Services, c: &Campaign) -> AppResult<Vec<xhs_persistence::Post>> {
    let mut errs = ValidationErrors::default();
    let mut out = Vec::new();
    for (i, id) in c.fields.post_ids.iter().enumerate() {
        match xhs_persistence::posts::find_any(&s.db, *id).await? {
            Some(p) if !p.is_deleted => {
                crate::notes::review::ensure_approved(s, &p)?;
                out.push(p);
            }
            _ => errs.push(FieldError::new(
                format!("post_ids[{i}]"),
                Rule::Exists,
                format!("note {id} was deleted"),
            )),
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs.into())
    }
}

/// Places the campaign's assignments (again).
pub async fn plan(s: &Services, actor: &Actor, id: i64) -> AppResult<CampaignView> {
    let c = find(&s.db, id).await?;
    ensure_status(&c, &[CampaignStatus::Draft, CampaignStatus::Planned])?;
    let schedule = schedule_of(s, &c)?;
    if schedule.start_at < Utc::now() {
        return Err(FieldError::new(
            "schedule.start_at",
            Rule::Future,
            "schedule.start_at has passed: move the schedule (PUT) before planning",
        )
        .into());
    }
    notes(s, &c).await?;
    let people = audience(s, &c).await?;
    let ids: Vec<i64> = people.iter().map(|a| a.id).collect();
    let mut busy = assignments::busy(&s.db, &ids, id).await?;
    let mut group_of = groups::of_accounts(&s.db, &ids).await?;
    let plan_accounts: Vec<PlanAccount> = people
        .iter()
        .map(|a| PlanAccount {
            id: a.id,
            group_ids: group_of
                .remove(&a.id)
                .unwrap_or_default()
                .into_iter()
                .map(|g| g.id)
                .collect(),
            busy: busy.remove(&a.id).unwrap_or_default(),
        })
        .collect();
    let variants = store::load_variants(&s.db, &c.fields.post_ids).await?;
    let labels: HashMap<i64, String> = variants.values().flatten().cloned().collect();
    let plan_notes: Vec<PlanNote> = c
        .fields
        .post_ids
        .iter()
        .map(|p| PlanNote {
            id: *p,
            variant_ids: variants
                .get(p)
                .map(|v| v.iter().map(|(id, _)| *id).collect())
                .unwrap_or_default(),
        })
        .collect();
    let input = PlanInput {
        schedule: &schedule,
        pairing: c.fields.pairing,
        accounts: &plan_accounts,
        notes: &plan_notes,
        seed: c.id as u64,
    };
    let placed = planner::plan(&input).map_err(|planner::PlanError::Infeasible(short)| {
        let names: HashMap<i64, &str> = people.iter().map(|a| (a.id, a.name.as_str())).collect();
        AppError::ScheduleInfeasible(
            short
                .into_iter()
                .map(|sf| Shortfall {
                    account_id: sf.account_id,
                    account_name: names
                        .get(&sf.account_id)
                        .copied()
                        .unwrap_or_default()
                        .to_owned(),
                    needed: sf.needed,
                    available: sf.available,
                })
                .collect(),
        )
    })?;
    let robots: std::collections::HashSet<i64> = people
        .iter()
        .filter(|a| a.kind == AccountKind::Robot)
        .map(|a| a.id)
        .collect();
    let rows: Vec<NewAssignment> = placed
        .into_iter()
        .map(|p| NewAssignment {
            account_id: p.account_id,
            post_id: p.post_id,
            variant_label: p.variant_id.and_then(|v| labels.get(&v).cloned()),
            variant_id: p.variant_id,
            channel: if robots.contains(&p.account_id) {
                Channel::Robot
            } else {
                Channel::Link
            },
            scheduled_at: p.at,
        })
        .collect();
    let w = s.write(actor).await?;
    let from = [CampaignStatus::Draft, CampaignStatus::Planned];
    if !store::move_status(&*w, id, &from, CampaignStatus::Planned).await? {
        drop(w);
        return Err(super::state_error(&find(&s.db, id).await?));
    }
    assignments::replace_planned(&*w, id, &rows).await?;
    let change = Change::new(AuditAction::Plan, AuditTarget::Campaign, id);
    w.commit(change.detail(format!("{} assignment(s) placed", rows.len())))
        .await?;
    super::get(s, id).await
}
