//! The approval workflow: draft -> in review -> approved, or back to draft
//! with a comment. With `approval_required`, links, dispatch and share pages
//! serve approved notes only.
use crate::notes::posts;
use crate::{AppError, AppResult, Resource, Services};
use xhs_domain::{bounded_text, ReviewStatus};
use xhs_persistence::review::{self as store, Review};
use xhs_persistence::{now_utc, Post};

/// The longest review comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 500;

/// Refuses a note that is not approved while approval is on.
pub fn ensure_approved(s: &Services, post: &Post) -> AppResult<()> {
    if s.settings.approval_required && post.review_status != ReviewStatus::Approved {
        return Err(AppError::PostNotApproved {
            status: post.review_status,
        });
    }
    Ok(())
}

/// A draft goes to review.
pub async fn submit(s: &Services, id: i64) -> AppResult<Post> {
    step(s, id, ReviewStatus::Draft, ReviewStatus::InReview, None).await
}

/// A note in review is approved by `by`, with an optional comment.
pub async fn approve(s: &Services, id: i64, by: &str, comment: Option<&str>) -> AppResult<Post> {
    let comment = bounded_text("comment", comment.unwrap_or(""), MAX_COMMENT_CHARS, false)?;
    let comment = Some(comment).filter(|c| !c.is_empty());
    let review = Review {
        by,
        comment: comment.as_deref(),
        at: now_utc(),
    };
    step(
        s,
        id,
        ReviewStatus::InReview,
        ReviewStatus::Approved,
        Some(review),
    )
    .await
}

/// A note in review goes back to draft with `by`'s comment (required).
pub async fn request_changes(
    s: &Services,
    id: i64,
    by: &str,
    comment: Option<&str>,
) -> AppResult<Post> {
    let comment = bounded_text("comment", comment.unwrap_or(""), MAX_COMMENT_CHARS, true)?;
    let review = Review {
        by,
        comment: Some(&comment),
        at: now_utc(),
    };
    step(
        s,
        id,
        ReviewStatus::InReview,
        ReviewStatus::Draft,
        Some(review),
    )
    .await
}

/// Moves the note when it is in `from`; otherwise says where it is.
async fn step(
    s: &Services,
    id: i64,
    from: ReviewStatus,
    to: ReviewStatus,
    review: Option<Review<'_>>,
) -> AppResult<Post> {
    if store::transition(&s.db, id, from, to, review).await? {
        return posts::get(s, id).await;
    }
    match xhs_persistence::posts::find_live(&s.db, id).await? {
        None => Err(AppError::NotFound(Resource::Post)),
        Some(p) => Err(AppError::ReviewState {
            status: p.review_status,
            needed: from,
        }),
    }
}
