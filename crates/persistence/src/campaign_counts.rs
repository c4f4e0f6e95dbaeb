//! Progress counts of a campaign: grouped counts over the stored status on
//! the assignment table alone (the `(campaign_id, status, id)` index), a
//! due link's `scheduled` read as `open`.
use crate::campaign_status::{a, effective_expr};
use crate::entities::account_group_member as member;
use crate::entities::campaign_assignment as ca;
use crate::entities::campaign_assignment::Entity as AssignmentEntity;
use crate::values::parse;
use crate::PersistenceError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, JoinType, Query, SelectStatement, SimpleExpr};
use sea_orm::{ConnectionTrait, FromQueryResult};
use xhs_domain::campaign::AssignmentStatus;

/// How many assignments of one note and text stand at one status.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct TextCount {
    pub post_id: i64,
    pub variant_id: Option<i64>,
    pub variant_label: Option<String>,
    pub derived: String,
    pub n: i64,
}

/// How many assignments of one account (or group) stand at one status.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct KeyCount {
    pub k: i64,
    pub derived: String,
    pub n: i64,
}

/// A campaign's assignments, `a`.
fn of_campaign(campaign_id: i64) -> SelectStatement {
    Query::select()
        .from_as(AssignmentEntity, a())
        .and_where(Expr::col((a(), ca::Column::CampaignId)).eq(campaign_id))
        .to_owned()
}

fn status_of(derived: &str) -> Result<AssignmentStatus, PersistenceError> {
    parse("campaign_assignment.status", derived)
}

/// Counts per note, text and status: a few rows however large the campaign.
pub async fn counts_by_text(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(TextCount, AssignmentStatus)>, PersistenceError> {
    let now = now.naive_utc();
    let mut q = of_campaign(campaign_id);
    q.column((a(), ca::Column::PostId))
        .column((a(), ca::Column::VariantId))
        .expr_as(
            Expr::col((a(), ca::Column::VariantLabel)).max(),
            Alias::new("variant_label"),
        )
        .expr_as(effective_expr(now), Alias::new("derived"))
        .expr_as(Expr::col((a(), ca::Column::Id)).count(), Alias::new("n"))
        .add_group_by([
            Expr::col((a(), ca::Column::PostId)).into(),
            Expr::col((a(), ca::Column::VariantId)).into(),
            // By the output column's name: the expression repeated would
            // bind `now` twice, which PostgreSQL does not see as the same.
            Expr::cust("derived"),
        ]);
    let stmt = db.get_database_backend().build(&q);
    TextCount::find_by_statement(stmt)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            let s = status_of(&c.derived)?;
            Ok((c, s))
        })
        .collect()
}

/// Counts per account (`by_group`: per group of the account) and status.
pub async fn counts_by_key(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    now: DateTime<Utc>,
    by_group: bool,
) -> Result<Vec<(KeyCount, AssignmentStatus)>, PersistenceError> {
    let now = now.naive_utc();
    let mut q = of_campaign(campaign_id);
    let key: SimpleExpr = if by_group {
        let m = Alias::new("m");
        q.join_as(
            JoinType::InnerJoin,
            member::Entity,
            m.clone(),
            Expr::col((m.clone(), member::Column::AccountId)).equals((a(), ca::Column::AccountId)),
        );
        Expr::col((m, member::Column::GroupId)).into()
    } else {
        Expr::col((a(), ca::Column::AccountId)).into()
    };
    q.expr_as(key.clone(), Alias::new("k"))
        .expr_as(effective_expr(now), Alias::new("derived"))
        .expr_as(Expr::col((a(), ca::Column::Id)).count(), Alias::new("n"))
        .add_group_by([key, Expr::cust("derived")]);
    let stmt = db.get_database_backend().build(&q);
    KeyCount::find_by_statement(stmt)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            let s = status_of(&c.derived)?;
            Ok((c, s))
        })
        .collect()
}
