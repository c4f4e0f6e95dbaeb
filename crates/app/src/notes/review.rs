//! The approval workflow: draft -> in review -> approved, or back to draft
//! with a comment. With `approval_required`, links, dispatch and share pages
//! serve approved notes only.
use crate::notes::posts;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::webhook::ReviewEventData;
use xhs_domain::{bounded_text, AuditAction, AuditTarget, EventData, ReviewStatus};
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
pub async fn submit(s: &Services, actor: &Actor, id: i64) -> AppResult<Post> {
    let to = (ReviewStatus::InReview, AuditAction::Submit);
    step(s, actor, id, ReviewStatus::Draft, to, None).await
}

/// A note in review is approved by `actor`, with an optional comment.
pub async fn approve(
    s: &Services,
    actor: &Actor,
    id: i64,
    comment: Option<&str>,
) -> AppResult<Post> {
    let comment = bounded_text("comment", comment.unwrap_or(""), MAX_COMMENT_CHARS, false)?;
    let comment = Some(comment).filter(|c| !c.is_empty());
    let review = Review {
        by: &actor.name,
        comment: comment.as_deref(),
        at: now_utc(),
    };
    let to = (ReviewStatus::Approved, AuditAction::Approve);
    step(s, actor, id, ReviewStatus::InReview, to, Some(review)).await
}

/// A note in review goes back to draft with `actor`'s comment (required).
pub async fn request_changes(
    s: &Services,
    actor: &Actor,
    id: i64,
    comment: Option<&str>,
) -> AppResult<Post> {
    let comment = bounded_text("comment", comment.unwrap_or(""), MAX_COMMENT_CHARS, true)?;
    let review = Review {
        by: &actor.name,
        comment: Some(&comment),
        at: now_utc(),
    };
    let to = (ReviewStatus::Draft, AuditAction::RequestChanges);
    step(s, actor, id, ReviewStatus::InReview, to, Some(review)).await
}

/// Moves the note when it is in `from`, recorded as `to`'s action;
/// otherwise says where it is.
async fn step(
    s: &Services,
    actor: &Actor,
    id: i64,
    from: ReviewStatus,
    (to, action): (ReviewStatus, AuditAction),
    review: Option<Review<'_>>,
) -> AppResult<Post> {
    let w = s.write(actor).await?;
    let comment = review.as_ref().and_then(|r| r.comment.map(str::to_owned));
    if store::transition(&*w, id, from, to, review).await? {
        let data = ReviewEventData {
            post_id: id,
            review_status: to,
            by: actor.name.clone(),
            comment,
        };
        let event = match action {
            AuditAction::Approve => EventData::PostApproved(data),
            AuditAction::RequestChanges => EventData::PostChangesRequested(data),
            _ => EventData::PostSubmitted(data),
        };
        crate::webhooks::outbox::emit(&*w, event).await?;
        let change = Change::new(action, AuditTarget::Post, id);
        w.commit(change.detail(format!("{from} -> {to}"))).await?;
        return posts::get(s, id).await;
    }
    match xhs_persistence::posts::find_live(&*w, id).await? {
        None => Err(AppError::NotFound(Resource::Post)),
        Some(p) => Err(AppError::ReviewState {
            status: p.review_status,
            needed: from,
        }),
    }
}
