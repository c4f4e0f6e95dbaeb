//! Share links of a post (operator side): create with the account's publish
//! record, list with totals, revoke.
use crate::notes::posts;
use crate::stats::Totals;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use base64::Engine;
use chrono::{DateTime, Utc};
use rand::RngCore;
use xhs_domain::{bounded_text, FieldError, LinkStatus, Rule, ValidationErrors};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_persistence::events::GroupBy;
use xhs_persistence::links::{self as store, NewLink};
use xhs_persistence::{accounts, records, StoredLink};

/// A link as operators see it.
#[derive(Debug, Clone)]
pub struct Link {
    pub stored: StoredLink,
    /// `{public_url}/s/{token}`: what goes into a message or a QR code.
    pub url: String,
    pub status: LinkStatus,
    pub account_name: Option<String>,
    /// The label of the variant it serves (None: the note's own text, or
    /// not looked up: see [`with_variant_labels`]).
    pub variant_label: Option<String>,
}

/// A random 256-bit token, URL-safe: unguessable and unrelated to any id.
pub(crate) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Where a link stands now: revoked wins, then a deleted note, then expiry.
pub fn status_of(l: &StoredLink, post_deleted: bool, now: DateTime<Utc>) -> LinkStatus {
    if l.revoked_at.is_some() {
        LinkStatus::Revoked
    } else if post_deleted {
        LinkStatus::PostDeleted
    } else if l.expires_at.is_some_and(|e| e <= now) {
        LinkStatus::Expired
    } else {
        LinkStatus::Active
    }
}

pub(crate) fn view(
    s: &Services,
    stored: StoredLink,
    account_name: Option<String>,
    post_deleted: bool,
) -> Link {
    Link {
        url: s.settings.url(&format!("s/{}", stored.token)),
        status: status_of(&stored, post_deleted, Utc::now()),
        account_name,
        variant_label: None,
        stored,
    }
}

/// Fills in the label of each link's variant (the links of one note).
pub(crate) async fn with_variant_labels(
    s: &Services,
    post_id: i64,
    links: &mut [Link],
) -> AppResult<()> {
    if links.iter().all(|l| l.stored.variant_id.is_none()) {
        return Ok(());
    }
    let variants = xhs_persistence::variants::list(&s.db, post_id).await?;
    for l in links.iter_mut() {
        l.variant_label = variants
            .iter()
            .find(|v| Some(v.id) == l.stored.variant_id)
            .map(|v| v.fields.label.clone());
    }
    Ok(())
}

/// A link to create, before validation.
#[derive(Debug, Default, Clone)]
pub struct NewLinkInput {
    pub label: Option<String>,
    pub account_id: Option<i64>,
    pub expires_at: Option<DateTime<Utc>>,
    /// Before this the link shows when it opens and hands nothing over.
    pub not_before: Option<DateTime<Utc>>,
    /// Platform names; None: every configured platform the note passes.
    pub platforms: Option<Vec<String>>,
    /// A variant of the note the link serves instead of the note's own text.
    pub variant_id: Option<i64>,
}

/// Creates a link for a live post (an approved one when approval is on)
/// and, for an account, its publish record: both in one transaction.
pub async fn create(
    s: &Services,
    actor: &Actor,
    post_id: i64,
    input: NewLinkInput,
) -> AppResult<Link> {
    let post = posts::get(s, post_id).await?;
    crate::notes::review::ensure_approved(s, &post)?;
    let mut errs = ValidationErrors::default();
    let label = errs
        .take(bounded_text(
            "label",
            input.label.as_deref().unwrap_or(""),
            50,
            false,
        ))
        .filter(|l| !l.is_empty());
    let account = match input.account_id {
        Some(a) => {
            let found = accounts::find_live(&s.db, a).await?;
            errs.take(found.ok_or_else(|| {
                FieldError::new("account_id", Rule::Exists, format!("no account {a}"))
            }))
        }
        None => None,
    };
    let variant = match input.variant_id {
        Some(v) => {
            let found = xhs_persistence::variants::find(&s.db, post.id, v).await?;
            errs.take(found.ok_or_else(|| {
                FieldError::new(
                    "variant_id",
                    Rule::Exists,
                    format!("note {} has no variant {v}", post.id),
                )
            }))
        }
        None => None,
    };
    if let Some(e) = &input.expires_at {
        errs.take(xhs_domain::check_instant("expires_at", e));
    }
    if let Some(n) = &input.not_before {
        errs.take(xhs_domain::check_instant("not_before", n));
        if input.expires_at.is_some_and(|e| e <= *n) {
            errs.push(FieldError::new(
                "not_before",
                Rule::Range,
                "not_before must lie before expires_at",
            ));
        }
    }
    if input.expires_at.is_some_and(|e| e <= Utc::now()) {
        errs.push(FieldError::new(
            "expires_at",
            Rule::Future,
            "expires_at must be in the future",
        ));
    }
    let platforms = match &input.platforms {
        None => crate::links::handoff::default_for(s, &post)?,
        Some(names) => crate::links::handoff::chosen(s, &post, names).unwrap_or_else(|e| {
            e.into_iter().for_each(|e| errs.push(e));
            Vec::new()
        }),
    };
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let txn = s.write(actor).await?;
    let stored = store::create(
        &*txn,
        &NewLink {
            token: new_token(),
            post_id: post.id,
            account_id: account.as_ref().map(|a| a.id),
            label,
            expires_at: input.expires_at,
            not_before: input.not_before,
            platforms,
            variant_id: variant.as_ref().map(|v| v.id),
        },
    )
    .await?;
    if let Some(a) = &account {
        records::ensure(&*txn, post.id, a.id, Some(stored.id)).await?;
    }
    let change = Change::new(AuditAction::Link, AuditTarget::Post, post.id);
    txn.commit(change.detail(format!("share link {} created", stored.id)))
        .await?;
    let mut link = view(s, stored, account.map(|a| a.name), false);
    link.variant_label = variant.map(|v| v.fields.label);
    Ok(link)
}

/// One link by id, with its note's title (for the printable QR code).
pub async fn get(s: &Services, id: i64) -> AppResult<(Link, String)> {
    let stored = store::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Link))?;
    let account = match stored.account_id {
        Some(a) => accounts::find(&s.db, a).await?,
        None => None,
    };
    let post = xhs_persistence::posts::find_any(&s.db, stored.post_id).await?;
    let deleted = post.as_ref().is_none_or(|p| p.is_deleted);
    let title = post.map(|p| p.title).unwrap_or_default();
    let mut link = [view(s, stored, account.map(|a| a.name), deleted)];
    with_variant_labels(s, link[0].stored.post_id, &mut link).await?;
    let [link] = link;
    Ok((link, title))
}

/// Every link of a live post, newest first, with each link's totals.
pub async fn list(s: &Services, post_id: i64) -> AppResult<Vec<(Link, Totals)>> {
    let post = posts::get(s, post_id).await?;
    let rows = store::list_for_post(&s.db, post.id).await?;
    let account_ids: Vec<i64> = rows.iter().filter_map(|l| l.account_id).collect();
    let accounts = accounts::find_any(&s.db, &account_ids).await?;
    let link_ids: Vec<i64> = rows.iter().map(|l| l.id).collect();
    let mut totals = crate::stats::totals_by(s, GroupBy::Link, &link_ids).await?;
    let mut links: Vec<Link> = rows
        .into_iter()
        .map(|l| {
            let name = accounts
                .iter()
                .find(|a| Some(a.id) == l.account_id)
                .map(|a| a.name.clone());
            view(s, l, name, false)
        })
        .collect();
    with_variant_labels(s, post.id, &mut links).await?;
    Ok(links
        .into_iter()
        .map(|l| {
            let t = totals.remove(&l.stored.id).unwrap_or_default();
            (l, t)
        })
        .collect())
}

/// Revokes a link: from now on it is gone. Revoking twice is harmless; true
/// when this call revoked it.
pub async fn revoke(s: &Services, actor: &Actor, id: i64) -> AppResult<bool> {
    let w = s.write(actor).await?;
    store::find(&*w, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Link))?;
    let revoked = store::revoke(&*w, id).await?;
    let detail = if revoked {
        "revoked"
    } else {
        "was revoked already"
    };
    w.commit(Change::new(AuditAction::Revoke, AuditTarget::Link, id).detail(detail))
        .await?;
    Ok(revoked)
}
