//! Variants of a note (issue 19 item 2): a label and overrides of the
//! note's title, body, images and cover, so accounts need not post the
//! identical note. A variant is checked as a note would be (`check.rs`).
//! Variants belong to the note: changing one moves the note's version on
//! (the version keeps the variants) and sends an approved note back to
//! draft, all in one transaction with its audit entry.
mod check;

pub(crate) use check::{check as check_over, normalize};
pub use check::{merged, MAX_LABEL};
pub use xhs_persistence::variants::{Variant, VariantFields};

use crate::notes::{hosted, posts};
use crate::{Actor, AppError, AppResult, Change, Resource, Services, Write};
use xhs_domain::{AuditAction, AuditTarget, FieldError, RawPost, Rule, ValidationErrors};
use xhs_persistence::posts::{self as post_store, PostFields};
use xhs_persistence::variants as store;
use xhs_persistence::{versions, PersistenceError, Post};

/// A variant and the note's version once it was saved (the editor sends
/// that version with its next save of the note).
#[derive(Debug, Clone)]
pub struct Saved {
    pub variant: Variant,
    pub post_version: i32,
}

/// The variants of a live note, in order, with the note's version.
pub async fn list(s: &Services, post_id: i64) -> AppResult<(Vec<Variant>, i32)> {
    let post = posts::get(s, post_id).await?;
    let rows = store::list(&s.db, post.id).await?;
    Ok((
        rows.into_iter().map(|v| public(s, v)).collect(),
        post.version,
    ))
}

/// Checks `input` over the live note and stores its media URLs as the note's.
async fn parse(s: &Services, post: &Post, input: &VariantFields) -> AppResult<VariantFields> {
    let v = check::normalize(input);
    check::check(&posts::raw(post), &v, "")?;
    to_stored(s, post.post_type, v).await
}

/// A checked variant with this server's media URLs in their stored form
/// (as the note's own are kept).
pub(crate) async fn to_stored(
    s: &Services,
    post_type: xhs_domain::PostType,
    v: VariantFields,
) -> AppResult<VariantFields> {
    let f = PostFields {
        post_type,
        title: String::new(),
        content: String::new(),
        cover_url: v.cover_url.clone(),
        image_urls: v.image_urls.clone().unwrap_or_default(),
        video_url: None,
    };
    let f = hosted::to_stored(s, f).await?;
    Ok(VariantFields {
        image_urls: v.image_urls.as_ref().map(|_| f.image_urls),
        cover_url: f.cover_url,
        ..v
    })
}

/// Adds a variant (checked and stored already) to a note inside the
/// caller's transaction: an import writes a note and its variants in one.
/// The caller records the note's version once its variants are in.
pub(crate) async fn add_in(w: &Write<'_>, post_id: i64, f: &VariantFields) -> AppResult<Variant> {
    store::create(&**w, post_id, f)
        .await
        .map_err(taken(&f.label))
}

/// A taken label answers 422 naming `label`.
fn taken(label: &str) -> impl FnOnce(PersistenceError) -> AppError + '_ {
    move |e| match e {
        PersistenceError::UniqueViolation => {
            AppError::Validation(ValidationErrors(vec![FieldError::new(
                "label",
                Rule::Unique,
                format!("this note has a variant labelled '{label}'"),
            )]))
        }
        other => other.into(),
    }
}

/// Moves the note's version on, keeps it (with its variants) as a version
/// noted `note`, and commits with the audit entry.
async fn finish(w: Write<'_>, actor: &Actor, post_id: i64, note: String) -> AppResult<i32> {
    let post = post_store::bump(&*w, post_id)
        .await?
        .ok_or(AppError::NotFound(Resource::Post))?;
    versions::record(&*w, &post, &actor.name, Some(&note)).await?;
    let change = Change::new(AuditAction::Update, AuditTarget::Post, post_id);
    w.commit(change.detail(note)).await?;
    Ok(post.version)
}

pub async fn create(
    s: &Services,
    actor: &Actor,
    post_id: i64,
    input: &VariantFields,
) -> AppResult<Saved> {
    let post = posts::get(s, post_id).await?;
    let f = parse(s, &post, input).await?;
    let w = s.write(actor).await?;
    let variant = store::create(&*w, post.id, &f)
        .await
        .map_err(taken(&f.label))?;
    let post_version = finish(w, actor, post.id, format!("variant '{}' added", f.label)).await?;
    Ok(Saved {
        variant: public(s, variant),
        post_version,
    })
}

pub async fn update(
    s: &Services,
    actor: &Actor,
    post_id: i64,
    id: i64,
    input: &VariantFields,
) -> AppResult<Saved> {
    let post = posts::get(s, post_id).await?;
    let f = parse(s, &post, input).await?;
    let w = s.write(actor).await?;
    let variant = store::update(&*w, post.id, id, &f)
        .await
        .map_err(taken(&f.label))?
        .ok_or(AppError::NotFound(Resource::Variant))?;
    let note = format!("variant '{}' changed", f.label);
    let post_version = finish(w, actor, post.id, note).await?;
    Ok(Saved {
        variant: public(s, variant),
        post_version,
    })
}

/// Deletes a variant; answers the note's new version.
pub async fn delete(s: &Services, actor: &Actor, post_id: i64, id: i64) -> AppResult<i32> {
    let post = posts::get(s, post_id).await?;
    let w = s.write(actor).await?;
    let variant = store::find(&*w, post.id, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Variant))?;
    store::delete(&*w, post.id, id).await?;
    let note = format!("variant '{}' deleted", variant.fields.label);
    finish(w, actor, post.id, note).await
}

/// Every stored variant checked over a note about to be saved as `note`
/// (a change of type can break a variant's images): errors name
/// `variants[i].field` and the variant.
pub(crate) async fn check_all(s: &Services, post_id: i64, note: &RawPost) -> AppResult<()> {
    let mut errs = ValidationErrors::default();
    for (i, v) in store::list(&s.db, post_id).await?.into_iter().enumerate() {
        let v = fields_public(s, v.fields);
        if let Err(es) = check::check(note, &v, &format!("variants[{i}].")) {
            errs.0.extend(es.0);
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.into())
    }
}

/// The note as variant `id` shows it (the merge the pre-flight checks),
/// for a link or a robot task that serves one; the note itself when `id` is
/// None or the variant was deleted since. Media URLs as stored, or public
/// (absolute) when `public` (`post`'s and the answer's alike).
pub(crate) async fn lay_over(
    s: &Services,
    mut post: Post,
    id: Option<i64>,
    public: bool,
) -> AppResult<Post> {
    let Some(id) = id else {
        return Ok(post);
    };
    let Some(v) = store::find(&s.db, post.id, id).await? else {
        return Ok(post);
    };
    let v = if public {
        fields_public(s, v.fields)
    } else {
        v.fields
    };
    let m = check::merged(&posts::raw(&post), &v);
    post.title = m.title;
    post.content = m.content;
    post.image_urls = m.image_urls;
    post.cover_url = m.cover_url;
    Ok(post)
}

/// A variant with absolute media URLs.
fn public(s: &Services, mut v: Variant) -> Variant {
    v.fields = fields_public(s, v.fields);
    v
}

/// What a variant says, with absolute media URLs.
pub(crate) fn fields_public(s: &Services, mut v: VariantFields) -> VariantFields {
    let f = hosted::fields_to_public(
        s,
        PostFields {
            post_type: xhs_domain::PostType::Normal,
            title: String::new(),
            content: String::new(),
            cover_url: v.cover_url.take(),
            image_urls: v.image_urls.clone().unwrap_or_default(),
            video_url: None,
        },
    );
    v.cover_url = f.cover_url;
    if v.image_urls.is_some() {
        v.image_urls = Some(f.image_urls);
    }
    v
}
