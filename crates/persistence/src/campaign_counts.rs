//! Progress counts of a campaign: grouped counts of the stored status, each
//! from one index in its order (`idx_campaign_assignment_by_text` and
//! `_by_account`: no table lookups, no sort), with how many of a group are
//! links whose instant has passed, so a stored `scheduled` of those reads as
//! `open` (the readers' rule, see `campaign_status::effective_expr`).
use crate::campaign_status::a;
use crate::entities::campaign_assignment as ca;
use crate::entities::campaign_assignment::Entity as AssignmentEntity;
use crate::values::parse;
use crate::PersistenceError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Cond, Expr, Func, Query, SelectStatement, SimpleExpr};
use sea_orm::{ConnectionTrait, FromQueryResult};
use xhs_domain::campaign::{AssignmentStatus, Channel};

/// How many assignments of one note and text stand at one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextCount {
    pub post_id: i64,
    pub variant_id: Option<i64>,
    pub variant_label: Option<String>,
    pub n: i64,
}

/// How many assignments of one account stand at one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCount {
    pub k: i64,
    pub n: i64,
}

#[derive(Debug, FromQueryResult)]
struct TextRow {
    post_id: i64,
    variant_id: Option<i64>,
    variant_label: Option<String>,
    status: String,
    n: i64,
    due: i64,
}

#[derive(Debug, FromQueryResult)]
struct KeyRow {
    k: i64,
    status: String,
    n: i64,
    due: i64,
}

/// A campaign's assignments, `a`, counted (`n`) and their due links (`due`)
/// counted too, per `keys` and the stored status.
fn grouped(campaign_id: i64, now: DateTime<Utc>, keys: &[(ca::Column, &str)]) -> SelectStatement {
    let col = |c: ca::Column| Expr::col((a(), c));
    let due = Expr::case(
        Cond::all()
            .add(col(ca::Column::Channel).eq(Channel::Link.as_str()))
            .add(col(ca::Column::ScheduledAt).lte(now.naive_utc())),
        Expr::val(1),
    );
    let mut q = Query::select();
    q.from_as(AssignmentEntity, a())
        .and_where(col(ca::Column::CampaignId).eq(campaign_id));
    let mut group: Vec<SimpleExpr> = Vec::new();
    for (c, name) in keys {
        q.expr_as(col(*c), Alias::new(*name));
        group.push(col(*c).into());
    }
    group.push(col(ca::Column::Status).into());
    q.column((a(), ca::Column::Status))
        .expr_as(col(ca::Column::Id).count(), Alias::new("n"))
        // COUNT of a CASE without ELSE: an integer on every backend (SUM
        // would be a DECIMAL on MySQL).
        .expr_as(
            Func::count(Into::<SimpleExpr>::into(due)),
            Alias::new("due"),
        )
        .add_group_by(group);
    q
}

/// `(status, n)` as read now: of a stored `scheduled`, the due links are `open`.
fn read_now(
    status: &str,
    n: i64,
    due: i64,
) -> Result<Vec<(AssignmentStatus, i64)>, PersistenceError> {
    let stored: AssignmentStatus = parse("campaign_assignment.status", status)?;
    let due = due.clamp(0, n);
    Ok(match stored {
        AssignmentStatus::Scheduled if due > 0 => vec![
            (AssignmentStatus::Scheduled, n - due),
            (AssignmentStatus::Open, due),
        ],
        s => vec![(s, n)],
    })
}

/// Counts per note, text and status: a few rows however large the campaign.
pub async fn counts_by_text(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(TextCount, AssignmentStatus)>, PersistenceError> {
    let mut q = grouped(
        campaign_id,
        now,
        &[
            (ca::Column::PostId, "post_id"),
            (ca::Column::VariantId, "variant_id"),
        ],
    );
    q.expr_as(
        Expr::col((a(), ca::Column::VariantLabel)).max(),
        Alias::new("variant_label"),
    );
    let stmt = db.get_database_backend().build(&q);
    let mut out = Vec::new();
    for r in TextRow::find_by_statement(stmt).all(db).await? {
        for (s, n) in read_now(&r.status, r.n, r.due)? {
            let count = TextCount {
                post_id: r.post_id,
                variant_id: r.variant_id,
                variant_label: r.variant_label.clone(),
                n,
            };
            out.push((count, s));
        }
    }
    Ok(out)
}

/// Counts per account and status (one to a few rows per account).
pub async fn counts_by_account(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(KeyCount, AssignmentStatus)>, PersistenceError> {
    let q = grouped(campaign_id, now, &[(ca::Column::AccountId, "k")]);
    let stmt = db.get_database_backend().build(&q);
    let mut out = Vec::new();
    for r in KeyRow::find_by_statement(stmt).all(db).await? {
        for (s, n) in read_now(&r.status, r.n, r.due)? {
            out.push((KeyCount { k: r.k, n }, s));
        }
    }
    Ok(out)
}
