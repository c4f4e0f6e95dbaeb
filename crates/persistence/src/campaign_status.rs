//! Where each assignment stands now, read in SQL: the stored status while
//! it is `planned` or `cancelled`; once launched, from the account's publish
//! record and the link (a person) or from the task (a robot). One `CASE`
//! serves the list's filter, its rows and the progress counts alike.
use crate::entities::campaign_assignment::{self as ca, Entity as AssignmentEntity};
use crate::entities::share_event;
use crate::entities::{account_group_member as member, publish_record, robot_task, share_link};
use crate::values::parse;
use crate::{utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, JoinType, Order, Query, SelectStatement, SimpleExpr};
use sea_orm::{ConnectionTrait, FromQueryResult};
use std::collections::HashMap;
use xhs_domain::campaign::{AssignmentStatus, Channel};
use xhs_domain::{EventKind, TaskStatus};

/// The `CASE` that reads the status (the instant decides `scheduled`
/// against `open`). Names are the query's aliases: `a` the assignment,
/// `r` the publish record, `l` the link, `t` the task. Only `now` is a
/// parameter; the rest are literals, the same on every backend.
pub(crate) fn status_expr(now: NaiveDateTime) -> SimpleExpr {
    let lit = |s: &str| Expr::cust(format!("'{s}'"));
    let when = |sql: &str| Expr::cust(sql.to_owned());
    let link = Expr::case(when("r.status = 'published'"), lit("published"))
        .case(when("r.status = 'failed'"), lit("failed"))
        .case(when("l.revoked_at IS NOT NULL"), lit("cancelled"))
        .case(when("r.status IN ('tapped', 'app_opened')"), lit("tapped"))
        .case(when("r.status = 'opened'"), lit("opened"))
        .case(
            Expr::col((a(), ca::Column::ScheduledAt)).lte(now),
            lit("open"),
        )
        .finally(lit("scheduled"));
    let robot = Expr::case(when("t.status = 'succeeded'"), lit("published"))
        .case(when("t.status IN ('failed', 'timed_out')"), lit("failed"))
        .case(when("t.status = 'cancelled'"), lit("cancelled"))
        .case(
            when("t.status IN ('sending', 'accepted', 'unknown')"),
            lit("open"),
        )
        .finally(lit("scheduled"));
    Expr::case(when("a.status <> 'scheduled'"), Expr::cust("a.status"))
        .case(when("a.channel = 'link'"), link)
        .finally(robot)
        .into()
}

pub(crate) fn a() -> Alias {
    Alias::new("a")
}

/// `campaign_assignment a` joined to what its status is read from.
pub(crate) fn joined(campaign_id: i64) -> SelectStatement {
    let (r, l, t) = (Alias::new("r"), Alias::new("l"), Alias::new("t"));
    Query::select()
        .from_as(AssignmentEntity, a())
        .join_as(
            JoinType::LeftJoin,
            publish_record::Entity,
            r.clone(),
            Expr::col((r.clone(), publish_record::Column::PostId))
                .equals((a(), ca::Column::PostId))
                .and(
                    Expr::col((r, publish_record::Column::AccountId))
                        .equals((a(), ca::Column::AccountId)),
                ),
        )
        .join_as(
            JoinType::LeftJoin,
            share_link::Entity,
            l.clone(),
            Expr::col((l, share_link::Column::Id)).equals((a(), ca::Column::LinkId)),
        )
        .join_as(
            JoinType::LeftJoin,
            robot_task::Entity,
            t.clone(),
            Expr::col((t, robot_task::Column::Id)).equals((a(), ca::Column::TaskId)),
        )
        .and_where(Expr::col((a(), ca::Column::CampaignId)).eq(campaign_id))
        .to_owned()
}

/// The list's filters; `after_id` is the keyset cursor (ascending ids).
#[derive(Debug, Clone, Default)]
pub struct AssignmentFilter {
    pub status: Option<AssignmentStatus>,
    pub post_id: Option<i64>,
    pub account_id: Option<i64>,
    pub group_id: Option<i64>,
    pub after_id: Option<i64>,
    pub limit: u64,
}

#[derive(Debug, FromQueryResult)]
struct Row {
    id: i64,
    account_id: i64,
    post_id: i64,
    variant_id: Option<i64>,
    variant_label: Option<String>,
    channel: String,
    scheduled_at: NaiveDateTime,
    link_id: Option<i64>,
    task_id: Option<i64>,
    derived: String,
    reason: Option<String>,
    record_reason: Option<String>,
    record_note_url: Option<String>,
    record_updated_at: Option<NaiveDateTime>,
    token: Option<String>,
    task_status: Option<String>,
    task_reason: Option<String>,
    task_note_url: Option<String>,
    task_finished_at: Option<NaiveDateTime>,
}

/// One assignment with where it stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentRow {
    pub id: i64,
    pub account_id: i64,
    pub post_id: i64,
    pub variant_id: Option<i64>,
    pub variant_label: Option<String>,
    pub channel: Channel,
    pub scheduled_at: DateTime<Utc>,
    pub link_id: Option<i64>,
    /// The link's token (the URL is the app's to make).
    pub link_token: Option<String>,
    pub task_id: Option<i64>,
    pub task_status: Option<TaskStatus>,
    pub status: AssignmentStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub note_url: Option<String>,
    pub reason: Option<String>,
}

impl TryFrom<Row> for AssignmentRow {
    type Error = PersistenceError;
    fn try_from(r: Row) -> Result<Self, PersistenceError> {
        let status: AssignmentStatus = parse("campaign_assignment.status", &r.derived)?;
        let task_status: Option<TaskStatus> = r
            .task_status
            .as_deref()
            .map(|s| parse("robot_task.status", s))
            .transpose()?;
        let published_at = match (status, r.task_finished_at, r.record_updated_at) {
            (AssignmentStatus::Published, Some(t), _) => Some(utc(t)),
            (AssignmentStatus::Published, None, Some(t)) => Some(utc(t)),
            _ => None,
        };
        Ok(Self {
            id: r.id,
            account_id: r.account_id,
            post_id: r.post_id,
            variant_id: r.variant_id,
            variant_label: r.variant_label,
            channel: parse("campaign_assignment.channel", &r.channel)?,
            scheduled_at: utc(r.scheduled_at),
            link_id: r.link_id,
            link_token: r.token,
            task_id: r.task_id,
            task_status,
            status,
            published_at,
            note_url: r.task_note_url.or(r.record_note_url),
            reason: r.reason.or(r.task_reason).or(r.record_reason),
        })
    }
}

/// A page of a campaign's assignments, by id, with their status now.
pub async fn page(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    f: &AssignmentFilter,
    now: DateTime<Utc>,
) -> Result<Vec<AssignmentRow>, PersistenceError> {
    let now = now.naive_utc();
    let (r, l, t) = (Alias::new("r"), Alias::new("l"), Alias::new("t"));
    let mut q = joined(campaign_id);
    for c in [
        ca::Column::Id,
        ca::Column::AccountId,
        ca::Column::PostId,
        ca::Column::VariantId,
        ca::Column::VariantLabel,
        ca::Column::Channel,
        ca::Column::ScheduledAt,
        ca::Column::LinkId,
        ca::Column::TaskId,
        ca::Column::Reason,
    ] {
        q.column((a(), c));
    }
    q.expr_as(status_expr(now), Alias::new("derived"))
        .expr_as(
            Expr::col((r.clone(), publish_record::Column::FailureReason)),
            Alias::new("record_reason"),
        )
        .expr_as(
            Expr::col((r.clone(), publish_record::Column::NoteUrl)),
            Alias::new("record_note_url"),
        )
        .expr_as(
            Expr::col((r, publish_record::Column::UpdatedAt)),
            Alias::new("record_updated_at"),
        )
        .expr_as(
            Expr::col((l, share_link::Column::Token)),
            Alias::new("token"),
        )
        .expr_as(
            Expr::col((t.clone(), robot_task::Column::Status)),
            Alias::new("task_status"),
        )
        .expr_as(
            Expr::col((t.clone(), robot_task::Column::Reason)),
            Alias::new("task_reason"),
        )
        .expr_as(
            Expr::col((t.clone(), robot_task::Column::NoteUrl)),
            Alias::new("task_note_url"),
        )
        .expr_as(
            Expr::col((t, robot_task::Column::FinishedAt)),
            Alias::new("task_finished_at"),
        );
    if let Some(s) = f.status {
        q.and_where(status_expr(now).eq(s.as_str()));
    }
    if let Some(p) = f.post_id {
        q.and_where(Expr::col((a(), ca::Column::PostId)).eq(p));
    }
    if let Some(acc) = f.account_id {
        q.and_where(Expr::col((a(), ca::Column::AccountId)).eq(acc));
    }
    if let Some(g) = f.group_id {
        let members = Query::select()
            .column(member::Column::AccountId)
            .from(member::Entity)
            .and_where(Expr::col(member::Column::GroupId).eq(g))
            .to_owned();
        q.and_where(Expr::col((a(), ca::Column::AccountId)).in_subquery(members));
    }
    if let Some(after) = f.after_id {
        q.and_where(Expr::col((a(), ca::Column::Id)).gt(after));
    }
    q.order_by((a(), ca::Column::Id), Order::Asc).limit(f.limit);
    let stmt = db.get_database_backend().build(&q);
    Row::find_by_statement(stmt)
        .all(db)
        .await?
        .into_iter()
        .map(AssignmentRow::try_from)
        .collect()
}

/// When each link was first opened and first tapped.
pub async fn first_events(
    db: &impl ConnectionTrait,
    link_ids: &[i64],
) -> Result<HashMap<(i64, EventKind), DateTime<Utc>>, PersistenceError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    if link_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let kinds = [EventKind::Opened, EventKind::PublishTapped];
    let rows: Vec<(i64, String, Option<NaiveDateTime>)> = share_event::Entity::find()
        .select_only()
        .column(share_event::Column::LinkId)
        .column(share_event::Column::Kind)
        .column_as(share_event::Column::CreatedAt.min(), "first")
        .filter(share_event::Column::LinkId.is_in(link_ids.iter().copied()))
        .filter(share_event::Column::Kind.is_in(kinds.iter().map(|k| k.as_str())))
        .group_by(share_event::Column::LinkId)
        .group_by(share_event::Column::Kind)
        .into_tuple()
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for (link, kind, first) in rows {
        if let (Ok(k), Some(t)) = (kind.parse::<EventKind>(), first) {
            out.insert((link, k), utc(t));
        }
    }
    Ok(out)
}
