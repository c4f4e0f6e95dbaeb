//! Notes: create, read, list, replace with optimistic locking, delete, and
//! pre-flight against XHS's rules. Every save is kept as a version, in the
//! same transaction as the post.
use crate::notes::{hosted, media};
use crate::paging::PageRequest;
use crate::stats::Totals;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_domain::{PostDraft, PostType, Preflight, RawPost, ReviewStatus, ValidationErrors};
use xhs_persistence::events::GroupBy;
use xhs_persistence::posts::{self, ListFilter, PostFields, UpdateOutcome};
use xhs_persistence::{versions, Post};

/// What gets stored for a draft that passed the rules.
pub(crate) fn fields(d: &PostDraft) -> PostFields {
    PostFields {
        post_type: d.post_type,
        title: d.title.as_str().to_owned(),
        content: d.body.as_str().to_owned(),
        cover_url: d.cover.as_ref().map(|u| u.as_str().to_owned()),
        image_urls: d.images.iter().map(|u| u.as_str().to_owned()).collect(),
        video_url: d.video.as_ref().map(|u| u.as_str().to_owned()),
    }
}

/// The stored post as the domain reads it (for pre-flight and publishing).
pub fn raw(p: &Post) -> RawPost {
    RawPost {
        post_type: p.post_type.as_str().to_owned(),
        title: p.title.clone(),
        content: p.content.clone(),
        image_urls: p.image_urls.clone(),
        cover_url: p.cover_url.clone(),
        video_url: p.video_url.clone(),
    }
}

/// Creates a draft after checking it against XHS's rules; `actor` saved
/// its first version.
pub async fn create(s: &Services, actor: &Actor, raw: &RawPost) -> AppResult<Post> {
    let draft = PostDraft::parse(raw)?;
    let fields = hosted::to_stored(s, fields(&draft)).await?;
    let txn = s.write(actor).await?;
    let post = posts::create(&*txn, &fields).await?;
    versions::record(&*txn, &post, &actor.name, None).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Post, post.id);
    txn.commit(change.detail(post.title.clone())).await?;
    Ok(hosted::to_public(s, post))
}

/// A live post, or not found.
pub async fn get(s: &Services, id: i64) -> AppResult<Post> {
    let post = crate::lookup::live_post(s, id).await?;
    Ok(hosted::to_public(s, post))
}

/// What the list asks for, before validation.
#[derive(Debug, Default, Clone)]
pub struct ListQuery {
    pub limit: Option<u64>,
    pub cursor: Option<String>,
    pub post_type: Option<String>,
    pub q: Option<String>,
    pub review_status: Option<String>,
}

/// One page of live posts, newest first, each with its share-page totals.
pub struct PostPage {
    pub items: Vec<(Post, Totals)>,
    pub next_cursor: Option<String>,
}

pub async fn list(s: &Services, q: ListQuery) -> AppResult<PostPage> {
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let search = crate::paging::search_text(q.q.as_deref(), &mut errs);
    let post_type = match q.post_type.as_deref() {
        None => None,
        Some(t) => errs.take(PostType::parse(t)),
    };
    let review_status = q
        .review_status
        .as_deref()
        .and_then(|r| errs.take(ReviewStatus::parse_field("review_status", r)));
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let filter = ListFilter {
        limit: page.fetch(),
        before_id: page.before_id,
        post_type,
        q: search,
        review_status,
    };
    let rows = posts::list(&s.db, &filter).await?;
    let (rows, next_cursor) = page.finish(rows, |r| r.id);
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut totals = crate::stats::totals_by(s, GroupBy::Post, &ids).await?;
    let items = rows
        .into_iter()
        .map(|p| {
            let t = totals.remove(&p.id).unwrap_or_default();
            (hosted::to_public(s, p), t)
        })
        .collect();
    Ok(PostPage { items, next_cursor })
}

/// Replaces a post when `version` is still the stored one, keeping the new
/// state as a version by `author`. An approved note goes back to draft.
pub async fn update(
    s: &Services,
    actor: &Actor,
    id: i64,
    version: i32,
    raw: &RawPost,
) -> AppResult<Post> {
    let draft = PostDraft::parse(raw)?;
    crate::notes::variants::check_all(s, id, raw).await?;
    let fields = hosted::to_stored(s, fields(&draft)).await?;
    let txn = s.write(actor).await?;
    match posts::update(&*txn, id, version, &fields).await? {
        UpdateOutcome::Updated(p) => {
            versions::record(&*txn, &p, &actor.name, None).await?;
            let change = Change::new(AuditAction::Update, AuditTarget::Post, id);
            txn.commit(change.detail(format!("version {}", p.version)))
                .await?;
            Ok(hosted::to_public(s, *p))
        }
        UpdateOutcome::Conflict { current_version } => {
            Err(AppError::VersionConflict { current_version })
        }
        UpdateOutcome::NotFound => Err(AppError::NotFound(Resource::Post)),
    }
}

/// Soft-deletes a post and deletes its variants; afterwards it is not found
/// everywhere and its links are gone.
pub async fn delete(s: &Services, actor: &Actor, id: i64) -> AppResult<()> {
    let w = s.write(actor).await?;
    if !posts::soft_delete(&*w, id).await? {
        return Err(AppError::NotFound(Resource::Post));
    }
    xhs_persistence::variants::delete_all(&*w, id).await?;
    w.commit(Change::new(AuditAction::Delete, AuditTarget::Post, id).detail("post deleted"))
        .await
}

/// Every rule's verdict on a draft, with shape advice on images hosted here.
pub async fn preflight(s: &Services, raw: &RawPost) -> AppResult<Preflight> {
    let mut verdict = xhs_domain::preflight(raw);
    verdict.checks.extend(media::shape_warnings(s, raw).await?);
    Ok(verdict)
}

/// Pre-flight of a stored post.
pub async fn preflight_stored(s: &Services, id: i64) -> AppResult<Preflight> {
    let post = get(s, id).await?;
    preflight(s, &raw(&post)).await
}
