//! A campaign's assignments: written by the plan (replaced whole until
//! launch), given their link or task at launch, and read with the status
//! each has now. The status is stored: `planned`, `scheduled` and
//! `cancelled` by the campaign's own steps, the rest by the writers of the
//! account's publish record (a link) or of the task (a robot), through
//! [`resync`] in their transaction; so the list's status filter and the
//! progress counts read one indexed table.
use crate::entities::campaign::{self, Entity as CampaignEntity};
use crate::entities::campaign_assignment::{self as ca, Entity as AssignmentEntity};
use crate::entities::robot_task;
use crate::{now_utc, utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use xhs_domain::campaign::{AssignmentStatus, CampaignStatus, Channel};
use xhs_domain::TaskStatus;

/// An assignment the plan made.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAssignment {
    pub account_id: i64,
    pub post_id: i64,
    pub variant_id: Option<i64>,
    pub variant_label: Option<String>,
    pub channel: Channel,
    pub scheduled_at: DateTime<Utc>,
}

/// Replaces every assignment of a campaign with the plan's, in chunks.
pub async fn replace_planned(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    rows: &[NewAssignment],
) -> Result<(), PersistenceError> {
    AssignmentEntity::delete_many()
        .filter(ca::Column::CampaignId.eq(campaign_id))
        .exec(db)
        .await?;
    let now = now_utc();
    for chunk in rows.chunks(500) {
        let models = chunk.iter().map(|a| ca::ActiveModel {
            campaign_id: Set(campaign_id),
            account_id: Set(a.account_id),
            post_id: Set(a.post_id),
            variant_id: Set(a.variant_id),
            variant_label: Set(a.variant_label.clone()),
            channel: Set(a.channel.as_str().to_owned()),
            scheduled_at: Set(a.scheduled_at.naive_utc()),
            link_id: Set(None),
            task_id: Set(None),
            status: Set(AssignmentStatus::Planned.as_str().to_owned()),
            reason: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        AssignmentEntity::insert_many(models)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Deletes every assignment of a campaign (it went back to draft).
pub async fn clear(db: &impl ConnectionTrait, campaign_id: i64) -> Result<(), PersistenceError> {
    AssignmentEntity::delete_many()
        .filter(ca::Column::CampaignId.eq(campaign_id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn count(db: &impl ConnectionTrait, campaign_id: i64) -> Result<u64, PersistenceError> {
    use sea_orm::PaginatorTrait;
    Ok(AssignmentEntity::find()
        .filter(ca::Column::CampaignId.eq(campaign_id))
        .count(db)
        .await?)
}

/// A stored assignment, as written (no derived status).
pub type Stored = ca::Model;

/// Every assignment of a campaign, by id.
pub async fn of_campaign(
    db: &impl ConnectionTrait,
    campaign_id: i64,
) -> Result<Vec<Stored>, PersistenceError> {
    Ok(AssignmentEntity::find()
        .filter(ca::Column::CampaignId.eq(campaign_id))
        .order_by_asc(ca::Column::Id)
        .all(db)
        .await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    id: i64,
) -> Result<Option<Stored>, PersistenceError> {
    Ok(AssignmentEntity::find_by_id(id)
        .filter(ca::Column::CampaignId.eq(campaign_id))
        .one(db)
        .await?)
}

/// The launched assignments of (post, account) in running campaigns, not
/// cancelled: those a publish of that note by that account fulfils
/// (`assignment.published`).
pub async fn launched_for(
    db: &impl ConnectionTrait,
    post_id: i64,
    account_id: i64,
) -> Result<Vec<Stored>, PersistenceError> {
    Ok(AssignmentEntity::find()
        .inner_join(CampaignEntity)
        .filter(ca::Column::PostId.eq(post_id))
        .filter(ca::Column::AccountId.eq(account_id))
        .filter(
            sea_orm::Condition::any()
                .add(ca::Column::LinkId.is_not_null())
                .add(ca::Column::TaskId.is_not_null()),
        )
        .filter(ca::Column::Status.ne(AssignmentStatus::Cancelled.as_str()))
        .filter(campaign::Column::Status.eq(CampaignStatus::Running.as_str()))
        .all(db)
        .await?)
}

/// Whether the link is carried by an assignment of a running campaign that
/// is paused (its opening is held until the campaign is resumed).
pub async fn link_paused(
    db: &impl ConnectionTrait,
    link_id: i64,
) -> Result<bool, PersistenceError> {
    use sea_orm::PaginatorTrait;
    let n = AssignmentEntity::find()
        .inner_join(CampaignEntity)
        .filter(ca::Column::LinkId.eq(link_id))
        .filter(campaign::Column::Status.eq(CampaignStatus::Running.as_str()))
        .filter(campaign::Column::PausedAt.is_not_null())
        .count(db)
        .await?;
    Ok(n > 0)
}

/// What launch (or cancel) sets on one assignment.
#[derive(Debug, Clone, Default)]
pub struct Carrier {
    pub link_id: Option<i64>,
    pub task_id: Option<i64>,
    pub status: Option<AssignmentStatus>,
    pub reason: Option<String>,
}

pub async fn set(db: &impl ConnectionTrait, id: i64, c: &Carrier) -> Result<(), PersistenceError> {
    let mut q =
        AssignmentEntity::update_many().col_expr(ca::Column::UpdatedAt, Expr::value(now_utc()));
    if let Some(l) = c.link_id {
        q = q.col_expr(ca::Column::LinkId, Expr::value(Some(l)));
    }
    if let Some(t) = c.task_id {
        q = q.col_expr(ca::Column::TaskId, Expr::value(Some(t)));
    }
    if let Some(s) = c.status {
        q = q.col_expr(ca::Column::Status, Expr::value(s.as_str()));
    }
    if let Some(r) = &c.reason {
        q = q.col_expr(ca::Column::Reason, Expr::value(Some(r.clone())));
    }
    q.filter(ca::Column::Id.eq(id)).exec(db).await?;
    Ok(())
}

/// Sets the stored status of every assignment of a campaign now in `from`.
pub async fn move_all(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    from: AssignmentStatus,
    to: AssignmentStatus,
) -> Result<u64, PersistenceError> {
    let r = AssignmentEntity::update_many()
        .col_expr(ca::Column::Status, Expr::value(to.as_str()))
        .col_expr(ca::Column::UpdatedAt, Expr::value(now_utc()))
        .filter(ca::Column::CampaignId.eq(campaign_id))
        .filter(ca::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

/// Moves one assignment to another instant.
pub async fn reschedule(
    db: &impl ConnectionTrait,
    id: i64,
    at: DateTime<Utc>,
) -> Result<(), PersistenceError> {
    AssignmentEntity::update_many()
        .col_expr(ca::Column::ScheduledAt, Expr::value(at.naive_utc()))
        .col_expr(ca::Column::UpdatedAt, Expr::value(now_utc()))
        .filter(ca::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The instants the accounts are already busy, outside campaign
/// `except`: their assignments in other running campaigns (not cancelled)
/// and their robot tasks not carried by an assignment (waiting ones at
/// their due time, sent ones when sent).
pub async fn busy(
    db: &impl ConnectionTrait,
    account_ids: &[i64],
    except: i64,
) -> Result<HashMap<i64, Vec<DateTime<Utc>>>, PersistenceError> {
    let mut out: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for chunk in account_ids.chunks(500) {
        let rows: Vec<(i64, NaiveDateTime)> = AssignmentEntity::find()
            .select_only()
            .column(ca::Column::AccountId)
            .column(ca::Column::ScheduledAt)
            .inner_join(CampaignEntity)
            .filter(campaign::Column::Status.eq(CampaignStatus::Running.as_str()))
            .filter(ca::Column::CampaignId.ne(except))
            .filter(ca::Column::Status.ne(AssignmentStatus::Cancelled.as_str()))
            .filter(ca::Column::AccountId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (a, t) in rows {
            out.entry(a).or_default().push(utc(t));
        }
        let carried = Query::select()
            .column(ca::Column::TaskId)
            .from(AssignmentEntity)
            .and_where(ca::Column::TaskId.is_not_null())
            .to_owned();
        let live = [
            TaskStatus::Queued,
            TaskStatus::Waiting,
            TaskStatus::Paused,
            TaskStatus::Sending,
            TaskStatus::Accepted,
            TaskStatus::Succeeded,
            TaskStatus::Unknown,
        ];
        let tasks: Vec<(i64, NaiveDateTime, Option<NaiveDateTime>)> = robot_task::Entity::find()
            .select_only()
            .column(robot_task::Column::RobotId)
            .column(robot_task::Column::NotBefore)
            .column(robot_task::Column::SentAt)
            .filter(robot_task::Column::RobotId.is_in(chunk.iter().copied()))
            .filter(robot_task::Column::Status.is_in(live.iter().map(|s| s.as_str())))
            .filter(robot_task::Column::Id.not_in_subquery(carried))
            .into_tuple()
            .all(db)
            .await?;
        for (a, due, sent) in tasks {
            out.entry(a).or_default().push(utc(sent.unwrap_or(due)));
        }
    }
    Ok(out)
}

/// The instants of an account's other assignments in this campaign.
pub async fn others_of_account(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    account_id: i64,
    except_id: i64,
) -> Result<Vec<DateTime<Utc>>, PersistenceError> {
    let rows: Vec<NaiveDateTime> = AssignmentEntity::find()
        .select_only()
        .column(ca::Column::ScheduledAt)
        .filter(ca::Column::CampaignId.eq(campaign_id))
        .filter(ca::Column::AccountId.eq(account_id))
        .filter(ca::Column::Id.ne(except_id))
        .filter(ca::Column::Status.ne(AssignmentStatus::Cancelled.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(utc).collect())
}

pub use crate::campaign_counts::{counts_by_account, counts_by_text, KeyCount, TextCount};
pub use crate::campaign_status::{first_events, page, AssignmentFilter, AssignmentRow};
pub use crate::campaign_sync::{recount, resync, Recount, Scope};
