//! Every saved state of a note: list, read one, compare two, restore one
//! (which saves it again as the newest version).
mod diff;

use crate::notes::{hosted, posts, variants};
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_persistence::posts::{self as post_store, UpdateOutcome};
use xhs_persistence::versions as store;
use xhs_persistence::{review, Post};

pub use diff::{diff, FieldDiff, PostDiff};
pub use xhs_persistence::posts::PostFields;
pub use xhs_persistence::versions::{PostVersion, VersionSummary};

/// The versions of a live note, newest first.
pub async fn list(s: &Services, post_id: i64) -> AppResult<Vec<VersionSummary>> {
    let post = posts::get(s, post_id).await?;
    Ok(store::list(&s.db, post.id).await?)
}

/// One version of a live note, its media URLs absolute.
pub async fn get(s: &Services, post_id: i64, version: i32) -> AppResult<PostVersion> {
    let post = posts::get(s, post_id).await?;
    let v = store::find(&s.db, post.id, version)
        .await?
        .ok_or(AppError::NotFound(Resource::PostVersion))?;
    Ok(public(s, v))
}

fn public(s: &Services, v: PostVersion) -> PostVersion {
    let variants = v.variants.map(|all| {
        all.into_iter()
            .map(|f| variants::fields_public(s, f))
            .collect()
    });
    PostVersion {
        fields: hosted::fields_to_public(s, v.fields),
        variants,
        ..v
    }
}

/// Saves version `version`'s content (and its variants) as the note's newest version (by `by`,
/// noted `restored from version N`) and sends the note back to draft; the
/// post's `version` moves on as with any save. All in one transaction.
pub async fn restore(s: &Services, actor: &Actor, post_id: i64, version: i32) -> AppResult<Post> {
    let txn = s.write(actor).await?;
    let post = post_store::find_live(&*txn, post_id)
        .await?
        .ok_or(AppError::NotFound(Resource::Post))?;
    let old = store::find(&*txn, post.id, version)
        .await?
        .ok_or(AppError::NotFound(Resource::PostVersion))?;
    match post_store::update(&*txn, post.id, post.version, &old.fields).await? {
        UpdateOutcome::Updated(_) => {}
        UpdateOutcome::Conflict { current_version } => {
            return Err(AppError::VersionConflict { current_version })
        }
        UpdateOutcome::NotFound => return Err(AppError::NotFound(Resource::Post)),
    }
    // Versions saved before variants existed say nothing of them: the
    // variants stay as they are.
    if let Some(variants) = &old.variants {
        xhs_persistence::variants::replace_all(&*txn, post.id, variants).await?;
    }
    review::reset_to_draft(&*txn, post.id).await?;
    let restored = post_store::find_live(&*txn, post.id)
        .await?
        .ok_or(AppError::NotFound(Resource::Post))?;
    let note = format!("restored from version {version}");
    store::record(&*txn, &restored, &actor.name, Some(&note)).await?;
    let change = Change::new(AuditAction::Restore, AuditTarget::Post, post_id);
    txn.commit(change.detail(note)).await?;
    Ok(hosted::to_public(s, restored))
}
