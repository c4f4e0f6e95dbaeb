//! The public side of share links: no login, never an internal id.
use crate::links::cache::Resolution;
use crate::links::handoff::{self as platforms, Handout};
use crate::links::manage::{self as links, Link};
use crate::{AppError, AppResult, GoneReason, Resource, Services};
use std::sync::Arc;
use xhs_domain::{bounded_text, EventKind, PostDraft, SharePlatform, ValidationErrors};
use xhs_persistence::events::NewEvent;
use xhs_persistence::{accounts, links as link_store, Post};

/// A live link, and what the cache holds for it (its note, parsed, and the
/// name of its account).
pub struct Resolved {
    pub link: Link,
    pub found: Arc<Resolution>,
}

impl Resolved {
    /// The link's note as the rules read it; a note that no longer passes
    /// them is refused with the rules it breaks.
    pub fn note(&self) -> AppResult<&PostDraft> {
        self.found.note.as_ref().map_err(|e| e.clone().into())
    }
}

/// The live link behind a token: not found when unknown; gone when revoked,
/// expired, or its post was deleted. Read through the link cache: one query
/// (the link with its note) and one more for its account, on a miss only.
pub async fn resolve(s: &Services, token: &str) -> AppResult<Resolved> {
    // Tokens are 43 URL-safe characters; anything else is not worth a query.
    if token.len() > 64
        || !token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(AppError::NotFound(Resource::Link));
    }
    let found = s
        .link_cache
        .get_or_load(token, || load(s, token))
        .await?
        .ok_or(AppError::NotFound(Resource::Link))?;
    let link = links::view(s, found.link.clone(), None, found.post.is_deleted);
    match link.status {
        xhs_domain::LinkStatus::Active => Ok(Resolved { link, found }),
        xhs_domain::LinkStatus::Revoked => Err(AppError::Gone(GoneReason::LinkRevoked)),
        xhs_domain::LinkStatus::Expired => Err(AppError::Gone(GoneReason::LinkExpired)),
        xhs_domain::LinkStatus::PostDeleted => Err(AppError::Gone(GoneReason::PostDeleted)),
    }
}

async fn load(s: &Services, token: &str) -> AppResult<Option<Resolution>> {
    let Some((link, post)) = link_store::find_by_token(&s.db, token).await? else {
        return Ok(None);
    };
    let account_name = match link.account_id {
        Some(a) => accounts::find(&s.db, a)
            .await?
            .map(|a| a.nickname.unwrap_or(a.name)),
        None => None,
    };
    let paused = xhs_persistence::campaign_assignments::link_paused(&s.db, link.id).await?;
    let post = crate::notes::variants::lay_over(s, post, link.variant_id, false).await?;
    let images = crate::notes::renditions::rows_for(s, &post.image_urls).await?;
    let post = crate::notes::hosted::to_public(s, post);
    let note = PostDraft::parse(&crate::notes::posts::raw(&post));
    Ok(Some(Resolution {
        link,
        post,
        note,
        account_name,
        paused,
        images,
        douyin_fields: std::sync::OnceLock::new(),
    }))
}

/// What the share page shows (before the link opens: the note and when it
/// opens, and the page shows that instead of its buttons).
pub struct SharePage {
    /// When a link that opens later opens; None once it is open, and
    /// while its campaign is paused (nobody knows when then).
    pub opens_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Not open because its campaign is paused: it opens when resumed.
    pub paused: bool,
    pub post: Post,
    pub label: Option<String>,
    /// The XHS nickname (or name) of the account this link is for.
    pub account_name: Option<String>,
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    pub xhs_configured: bool,
    /// What the link offers, in order.
    pub platforms: Vec<SharePlatform>,
    /// Each image with its smaller renditions, in the note's order.
    pub images: Vec<crate::notes::renditions::ImageSizes>,
}

/// The note of a live link; while approval is on, only an approved one (an
/// edited note is not served until it is approved again).
pub async fn page(s: &Services, token: &str) -> AppResult<SharePage> {
    let Resolved { link, found } = resolve(s, token).await?;
    crate::notes::review::ensure_approved(s, &found.post)?;
    let images = crate::notes::renditions::sizes(s, &found.post.image_urls, &found.images);
    let held = held(&link, &found);
    Ok(SharePage {
        opens_at: if held { None } else { not_open_until(&link) },
        paused: held,
        images,
        post: found.post.clone(),
        label: link.stored.label,
        account_name: found.account_name.clone(),
        expires_at: link.stored.expires_at,
        xhs_configured: s.signer.is_configured(),
        platforms: link.stored.platforms,
    })
}

/// The handout of one of the link's platforms (XHS when none is named) for
/// anyone holding a live link (of an approved note, while approval is on).
pub async fn payload(s: &Services, token: &str, platform: Option<&str>) -> AppResult<Handout> {
    let resolved = resolve(s, token).await?;
    crate::notes::review::ensure_approved(s, &resolved.found.post)?;
    if held(&resolved.link, &resolved.found) {
        return Err(AppError::LinkPaused);
    }
    if let Some(opens_at) = not_open_until(&resolved.link) {
        return Err(AppError::LinkNotOpenYet { opens_at });
    }
    let platform = platforms::requested(platform, &resolved.link.stored.platforms)?;
    platforms::handout(s, &resolved.found, resolved.note()?, platform, token).await
}

/// Not open yet because its campaign is paused (a link a person had
/// already reached stays open: pausing holds only the others).
fn held(link: &Link, found: &Resolution) -> bool {
    found.paused && not_open_until(link).is_some()
}

/// When a link that opens later opens, while it is not open yet.
fn not_open_until(link: &Link) -> Option<chrono::DateTime<chrono::Utc>> {
    link.stored.not_before.filter(|t| *t > chrono::Utc::now())
}

/// What a page reports: an event kind, the SDK's reason for a failure, and
/// the platform a tap went to.
#[derive(Debug, Default)]
pub struct Reported<'a> {
    pub kind: &'a str,
    pub reason: Option<&'a str>,
    pub platform: Option<&'a str>,
}

/// Records what the page reported; the event, its count and the record it
/// moves are written in one transaction (a batch's: see `event_queue`).
pub async fn event(s: &Services, token: &str, r: Reported<'_>) -> AppResult<()> {
    let mut errs = ValidationErrors::default();
    let kind = errs.take(EventKind::parse_reported(r.kind.trim()));
    let reason = errs.take(bounded_text("reason", r.reason.unwrap_or(""), 500, false));
    let platform = match r.platform.map(str::trim).filter(|p| !p.is_empty()) {
        None => None,
        Some(p) => errs.take(p.parse::<SharePlatform>().map_err(|_| {
            xhs_domain::FieldError::new(
                "platform",
                xhs_domain::Rule::OneOf,
                format!(
                    "'{}' is not a platform",
                    p.chars().take(20).collect::<String>()
                ),
            )
        })),
    };
    let (Some(kind), Some(reason)) = (kind, reason) else {
        return Err(errs.into());
    };
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let Resolved { link, .. } = resolve(s, token).await?;
    let reason = Some(reason).filter(|r| !r.is_empty());
    store_event(s, &link, kind, reason, platform).await
}

/// The account holder pastes back the published note's URL, or the text
/// the XHS app copies with it inside; counted for XHS where the link offers
/// it (see [`crate::stats::records::confirmed_platform`]). The same note
/// pasted again is not counted again.
pub async fn confirm(s: &Services, token: &str, note_url: &str) -> AppResult<()> {
    let note_url = xhs_domain::NoteUrl::parse(note_url)?;
    let Resolved { link, .. } = resolve(s, token).await?;
    let platform = crate::stats::records::confirmed_platform(&s.db, &link.stored).await?;
    store_event(
        s,
        &link,
        EventKind::Confirmed,
        Some(note_url.into()),
        platform,
    )
    .await
}

/// Hands the event to the group-commit queue and waits until it (and the
/// record it moves) is committed.
async fn store_event(
    s: &Services,
    link: &Link,
    kind: EventKind,
    detail: Option<String>,
    platform: Option<SharePlatform>,
) -> AppResult<()> {
    let l = &link.stored;
    let event = NewEvent {
        link_id: l.id,
        post_id: l.post_id,
        account_id: l.account_id,
        kind,
        reason: None,
        day: s.settings.today().to_string(),
        // A link that offers one platform: everything on it is for that one.
        platform: platform.or(match l.platforms.as_slice() {
            [only] => Some(*only),
            _ => None,
        }),
    };
    s.events.submit(s, event, detail).await
}
