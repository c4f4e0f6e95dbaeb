//! Where each assignment stands now: its stored status (kept by the writers,
//! see `campaign_sync.rs`), where a link's `scheduled` reads as `open` once
//! its instant has passed. The list's filter, its rows and the progress
//! counts read the same expression, on the assignment's own columns.
pub(crate) use crate::campaign_sync::{a, joined};
use crate::entities::account_group_member as member;
use crate::entities::campaign_assignment as ca;
use crate::entities::share_event;
use crate::entities::{publish_record, robot_task, share_link};
use crate::values::parse;
use crate::{utc, PersistenceError};
use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::sea_query::{Alias, Cond, Expr, Order, Query, SimpleExpr};
use sea_orm::{ConnectionTrait, FromQueryResult};
use std::collections::HashMap;
use xhs_domain::campaign::{AssignmentStatus, Channel};
use xhs_domain::{EventKind, TaskStatus};

/// A link whose instant has passed (`now` the only parameter).
fn link_due(now: NaiveDateTime) -> Cond {
    Cond::all()
        .add(Expr::col((a(), ca::Column::Channel)).eq(Channel::Link.as_str()))
        .add(Expr::col((a(), ca::Column::ScheduledAt)).lte(now))
}

/// The status as read at `now`: the stored one, a due link's `scheduled`
/// read as `open`.
pub(crate) fn effective_expr(now: NaiveDateTime) -> SimpleExpr {
    let scheduled = AssignmentStatus::Scheduled.as_str();
    Expr::case(
        Cond::all()
            .add(Expr::col((a(), ca::Column::Status)).eq(scheduled))
            .add(link_due(now)),
        Expr::cust(format!("'{}'", AssignmentStatus::Open.as_str())),
    )
    .finally(Expr::col((a(), ca::Column::Status)))
    .into()
}

/// The rows whose status reads as `s` at `now`, in terms of the stored
/// column (so the `(campaign_id, status, id)` index serves it).
pub(crate) fn status_is(s: AssignmentStatus, now: NaiveDateTime) -> Cond {
    let stored = |st: AssignmentStatus| Expr::col((a(), ca::Column::Status)).eq(st.as_str());
    match s {
        AssignmentStatus::Open => Cond::any().add(stored(AssignmentStatus::Open)).add(
            Cond::all()
                .add(stored(AssignmentStatus::Scheduled))
                .add(link_due(now)),
        ),
        AssignmentStatus::Scheduled => Cond::all()
            .add(stored(AssignmentStatus::Scheduled))
            .add(link_due(now).not()),
        other => Cond::all().add(stored(other)),
    }
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
    let mut q = joined();
    q.and_where(Expr::col((a(), ca::Column::CampaignId)).eq(campaign_id));
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
    q.expr_as(effective_expr(now), Alias::new("derived"))
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
        q.cond_where(status_is(s, now));
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
