//! The stored status of launched assignments follows what it is made of: a
//! person's from the account's publish record for the note and whether the
//! link was revoked, a robot's from its task. Each writer that moves one of
//! those (a record's step, a link's revocation, a task's status) calls
//! [`resync`] on the same connection, so the status moves in the same
//! transaction as its cause. [`derived_expr`] is the one reading of the
//! rules; [`recount`] reads it for a whole campaign (a check that nothing
//! was missed). A link's `scheduled` becomes `open` by time alone: that is
//! the readers' part (`campaign_status::effective_expr`), never stored.
use crate::entities::campaign_assignment::{self as ca, Entity as AssignmentEntity};
use crate::entities::{publish_record, robot_task, share_link};
use crate::values::parse;
use crate::{now_utc, PersistenceError};
use sea_orm::sea_query::{Alias, Cond, Expr, JoinType, Query, SelectStatement, SimpleExpr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter};
use std::collections::BTreeMap;
use xhs_domain::campaign::AssignmentStatus;

pub(crate) fn a() -> Alias {
    Alias::new("a")
}

/// The status the rules give an assignment, from the joined `r` (publish
/// record), `l` (link) and `t` (task). Before launch (no link, no task) the
/// stored one (`planned`, or `cancelled` with the campaign). Literals only:
/// the same statement on every backend.
pub(crate) fn derived_expr() -> SimpleExpr {
    let lit = |s: &str| Expr::cust(format!("'{s}'"));
    let when = |sql: &str| Expr::cust(sql.to_owned());
    let link = Expr::case(when("r.status = 'published'"), lit("published"))
        .case(when("r.status = 'failed'"), lit("failed"))
        .case(when("l.revoked_at IS NOT NULL"), lit("cancelled"))
        .case(when("r.status IN ('tapped', 'app_opened')"), lit("tapped"))
        .case(when("r.status = 'opened'"), lit("opened"))
        .finally(lit("scheduled"));
    let robot = Expr::case(when("t.status = 'succeeded'"), lit("published"))
        .case(when("t.status IN ('failed', 'timed_out')"), lit("failed"))
        .case(when("t.status = 'cancelled'"), lit("cancelled"))
        .case(
            when("t.status IN ('sending', 'accepted', 'unknown')"),
            lit("open"),
        )
        .finally(lit("scheduled"));
    Expr::case(
        when("a.link_id IS NULL AND a.task_id IS NULL"),
        Expr::cust("a.status"),
    )
    .case(when("a.channel = 'link'"), link)
    .finally(robot)
    .into()
}

/// `campaign_assignment a` joined to the record, link and task it is read from.
pub(crate) fn joined() -> SelectStatement {
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
        .to_owned()
}

/// Which assignments a change can move.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Those of a note for an account (its publish record moved).
    Record { post_id: i64, account_id: i64 },
    /// The one a link carries (it was revoked).
    Link(i64),
    /// Those robot tasks carry (their status moved).
    Tasks(Vec<i64>),
    /// A whole campaign.
    Campaign(i64),
}

impl Scope {
    fn cond(&self) -> Cond {
        let col = |c: ca::Column| Expr::col((a(), c));
        match self {
            Scope::Record {
                post_id,
                account_id,
            } => Cond::all()
                .add(col(ca::Column::AccountId).eq(*account_id))
                .add(col(ca::Column::PostId).eq(*post_id)),
            Scope::Link(id) => Cond::all().add(col(ca::Column::LinkId).eq(*id)),
            Scope::Tasks(ids) => {
                Cond::all().add(col(ca::Column::TaskId).is_in(ids.iter().copied()))
            }
            Scope::Campaign(id) => Cond::all().add(col(ca::Column::CampaignId).eq(*id)),
        }
    }
}

/// One assignment's stored status beside the one its sources give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recount {
    pub id: i64,
    pub stored: AssignmentStatus,
    pub derived: AssignmentStatus,
}

#[derive(Debug, FromQueryResult)]
struct Row {
    id: i64,
    status: String,
    derived: String,
}

async fn read(db: &impl ConnectionTrait, scope: &Scope) -> Result<Vec<Recount>, PersistenceError> {
    let mut q = joined();
    q.column((a(), ca::Column::Id))
        .column((a(), ca::Column::Status))
        .expr_as(derived_expr(), Alias::new("derived"))
        .cond_where(scope.cond());
    let stmt = db.get_database_backend().build(&q);
    Row::find_by_statement(stmt)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(Recount {
                id: r.id,
                stored: parse("campaign_assignment.status", &r.status)?,
                derived: parse("campaign_assignment.status", &r.derived)?,
            })
        })
        .collect()
}

/// Every assignment of a campaign, stored against derived, by id.
pub async fn recount(
    db: &impl ConnectionTrait,
    campaign_id: i64,
) -> Result<Vec<Recount>, PersistenceError> {
    let mut rows = read(db, &Scope::Campaign(campaign_id)).await?;
    rows.sort_by_key(|r| r.id);
    Ok(rows)
}

/// Stores the status the rules give every assignment in `scope` whose
/// stored one differs; answers those moved (stored: before, derived: now).
pub async fn resync(
    db: &impl ConnectionTrait,
    scope: &Scope,
) -> Result<Vec<Recount>, PersistenceError> {
    if matches!(scope, Scope::Tasks(ids) if ids.is_empty()) {
        return Ok(Vec::new());
    }
    let moved: Vec<Recount> = read(db, scope)
        .await?
        .into_iter()
        .filter(|r| r.stored != r.derived)
        .collect();
    let mut by_status: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for r in &moved {
        by_status.entry(r.derived.as_str()).or_default().push(r.id);
    }
    let now = now_utc();
    for (status, ids) in by_status {
        for chunk in ids.chunks(500) {
            AssignmentEntity::update_many()
                .col_expr(ca::Column::Status, Expr::value(status))
                .col_expr(ca::Column::UpdatedAt, Expr::value(now))
                .filter(ca::Column::Id.is_in(chunk.iter().copied()))
                .exec(db)
                .await?;
        }
    }
    Ok(moved)
}
