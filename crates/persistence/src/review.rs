//! The approval workflow's writes on `x_post`: each move is a compare-and-set
//! on the status, so two reviewers cannot both move the same note.
use crate::entities::x_post::{self, Entity as XPost};
use crate::PersistenceError;
use chrono::NaiveDateTime;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use xhs_domain::ReviewStatus;

/// Who reviewed, when, and what they said.
#[derive(Debug, Clone)]
pub struct Review<'a> {
    pub by: &'a str,
    pub comment: Option<&'a str>,
    pub at: NaiveDateTime,
}

/// Moves a live note from `from` to `to`, recording the review when there
/// is one; false when the note is not (or no longer) in `from`.
pub async fn transition(
    db: &impl ConnectionTrait,
    id: i64,
    from: ReviewStatus,
    to: ReviewStatus,
    review: Option<Review<'_>>,
) -> Result<bool, PersistenceError> {
    let mut q =
        XPost::update_many().col_expr(x_post::Column::ReviewStatus, Expr::value(to.as_str()));
    if let Some(r) = review {
        q = q
            .col_expr(
                x_post::Column::ReviewComment,
                Expr::value(r.comment.map(str::to_owned)),
            )
            .col_expr(x_post::Column::ReviewedBy, Expr::value(r.by.to_owned()))
            .col_expr(x_post::Column::ReviewedAt, Expr::value(Some(r.at)));
    }
    let res = q
        .filter(x_post::Column::Id.eq(id))
        .filter(x_post::Column::IsDeleted.eq(false))
        .filter(x_post::Column::ReviewStatus.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Sends a note back to `draft` whatever its status (a restored version has
/// not been reviewed).
pub async fn reset_to_draft(db: &impl ConnectionTrait, id: i64) -> Result<(), PersistenceError> {
    XPost::update_many()
        .col_expr(
            x_post::Column::ReviewStatus,
            Expr::value(ReviewStatus::Draft.as_str()),
        )
        .filter(x_post::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
