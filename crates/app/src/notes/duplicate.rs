//! 复制笔记: a copy of a note as a new draft, its variants with it, in one
//! transaction (so a copy never lacks its variants). The copy has its own
//! history from version 1, noted with the note it came from; reviews,
//! links and statistics stay with the original.
use crate::notes::hosted;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_persistence::posts::{self as store, PostFields};
use xhs_persistence::variants::{self, VariantFields};
use xhs_persistence::{versions, Post};

pub async fn duplicate(s: &Services, actor: &Actor, id: i64) -> AppResult<Post> {
    let w = s.write(actor).await?;
    let source = store::find_live(&*w, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Post))?;
    let copy = store::create(&*w, &PostFields::from(&source)).await?;
    let all: Vec<VariantFields> = variants::list(&*w, source.id)
        .await?
        .into_iter()
        .map(|v| v.fields)
        .collect();
    variants::replace_all(&*w, copy.id, &all).await?;
    let note = format!("copied from note {id}");
    versions::record(&*w, &copy, &actor.name, Some(&note)).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Post, copy.id);
    w.commit(change.detail(note)).await?;
    Ok(hosted::to_public(s, copy))
}
