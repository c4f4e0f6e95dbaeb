//! A campaign's status steps: compare-and-set moves (a launch run twice, or
//! by two instances, moves it once), pause and resume, and deleting one with
//! its parts.
use crate::entities::campaign::{self, Entity as CampaignEntity};
use crate::{now_utc, PersistenceError};
use chrono::NaiveDateTime;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use xhs_domain::campaign::CampaignStatus;

/// Moves the status from one of `from` to `to` (a compare-and-set: two
/// launches at once move it once); false when it was not in `from`.
pub async fn move_status(
    db: &impl ConnectionTrait,
    id: i64,
    from: &[CampaignStatus],
    to: CampaignStatus,
) -> Result<bool, PersistenceError> {
    let now = now_utc();
    let mut q = CampaignEntity::update_many()
        .col_expr(campaign::Column::Status, Expr::value(to.as_str()))
        .col_expr(campaign::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            campaign::Column::Version,
            Expr::col(campaign::Column::Version).add(1),
        );
    if to == CampaignStatus::Running {
        q = q.col_expr(campaign::Column::LaunchedAt, Expr::value(Some(now)));
    }
    if matches!(to, CampaignStatus::Cancelled | CampaignStatus::Finished) {
        q = q.col_expr(
            campaign::Column::PausedAt,
            Expr::value(None::<NaiveDateTime>),
        );
    }
    let r = q
        .filter(campaign::Column::Id.eq(id))
        .filter(campaign::Column::Status.is_in(from.iter().map(|s| s.as_str())))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Pauses (`Some`) or resumes (`None`) a running campaign; false when it
/// is not running or already so.
pub async fn set_paused(
    db: &impl ConnectionTrait,
    id: i64,
    paused: bool,
) -> Result<bool, PersistenceError> {
    let now = now_utc();
    let at = paused.then_some(now);
    let mut q = CampaignEntity::update_many()
        .col_expr(campaign::Column::PausedAt, Expr::value(at))
        .col_expr(campaign::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            campaign::Column::Version,
            Expr::col(campaign::Column::Version).add(1),
        )
        .filter(campaign::Column::Id.eq(id))
        .filter(campaign::Column::Status.eq(CampaignStatus::Running.as_str()));
    q = if paused {
        q.filter(campaign::Column::PausedAt.is_null())
    } else {
        q.filter(campaign::Column::PausedAt.is_not_null())
    };
    Ok(q.exec(db).await?.rows_affected == 1)
}

/// Deletes a campaign that is in one of `from`, with its notes, audience
/// and assignments; false when it is not (or is gone).
pub async fn delete(
    db: &impl ConnectionTrait,
    id: i64,
    from: &[CampaignStatus],
) -> Result<bool, PersistenceError> {
    use crate::entities::campaign_assignment as ca;
    let statuses = || campaign::Column::Status.is_in(from.iter().map(|s| s.as_str()));
    let found = CampaignEntity::find_by_id(id)
        .filter(statuses())
        .one(db)
        .await?;
    if found.is_none() {
        return Ok(false);
    }
    // Children first (SQLite enforces the cascade only with foreign_keys on).
    ca::Entity::delete_many()
        .filter(ca::Column::CampaignId.eq(id))
        .exec(db)
        .await?;
    crate::campaign_parts::delete_parts(db, id).await?;
    let r = CampaignEntity::delete_many()
        .filter(campaign::Column::Id.eq(id))
        .filter(statuses())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
