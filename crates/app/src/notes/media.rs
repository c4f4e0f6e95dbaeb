//! The media library: from a spooled upload to a media item (dedupe by hash,
//! check the content in full, store the file and its thumbnail, record it),
//! listing, deleting, and pre-flight advice on the images it hosts.
use crate::paging::PageRequest;
use crate::{Actor, AppError, AppResult, Change, Resource, Services};
use xhs_domain::{image_shape_checks, Check, MediaKind, RawPost, ValidationErrors};
use xhs_domain::{AuditAction, AuditTarget};
use xhs_media::{Spooled, StorageKey};
use xhs_persistence::media::{self as store, MediaFilter, NewMedia};
use xhs_persistence::{Media, PersistenceError};

/// Longest original name kept (characters).
const MAX_NAME_CHARS: usize = 200;

/// A client's filename as metadata: the last path component only, without
/// control characters, at most `MAX_NAME_CHARS`. Never used in a path.
pub fn sanitize_name(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let clean = clean.trim();
    (!clean.is_empty() && clean != "." && clean != "..").then(|| clean.to_owned())
}

/// `{public_url}/media/{key}`: what posts and the signed payload use.
pub fn url_of(s: &Services, key: &str) -> String {
    s.settings.url(&format!("media/{key}"))
}

/// Stores an upload; the item and whether this upload created it.
pub async fn save(
    s: &Services,
    actor: &Actor,
    spooled: Spooled,
    original_name: Option<String>,
) -> AppResult<(Media, bool)> {
    let (new, created) = match prepare(s, spooled, original_name).await? {
        Prepared::Existing(m) => (m, false),
        Prepared::New(new) => {
            let w = s.write(actor).await?;
            match store::create(&*w, &new).await {
                Ok(created) => {
                    let change = Change::new(AuditAction::Create, AuditTarget::Media, created.id);
                    w.commit(change.detail("uploaded")).await?;
                    return Ok((created, true));
                }
                // Another upload of the same content won the race: same bytes, same keys.
                Err(PersistenceError::UniqueViolation) => {
                    drop(w);
                    let found = store::find_by_sha256(&s.db, &new.sha256).await?;
                    (found.ok_or(AppError::Conflict)?, false)
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let w = s.write(actor).await?;
    let change = Change::new(AuditAction::Create, AuditTarget::Media, new.id);
    w.commit(change.detail("uploaded again (same file)"))
        .await?;
    Ok((new, created))
}

/// An upload whose content is known already, or the row to insert for it
/// (its files stored: a file without its row is only wasted space).
enum Prepared {
    Existing(Media),
    New(NewMedia),
}

async fn prepare(
    s: &Services,
    spooled: Spooled,
    original_name: Option<String>,
) -> AppResult<Prepared> {
    // The same content is already an item: keep that one (its name included).
    if let Some(existing) = store::find_by_sha256(&s.db, &spooled.sha256).await? {
        return Ok(Prepared::Existing(existing));
    }
    let Spooled {
        path,
        sha256,
        size,
        sniffed,
    } = spooled;
    // Decoding is CPU work; keep it off the async threads. The temp file comes
    // back with the result so that it is still removed if anything fails.
    let (probed, path) =
        tokio::task::spawn_blocking(move || (xhs_media::probe(&path, &sniffed), path))
            .await
            .map_err(AppError::storage)?;
    let probed = probed?;
    let key = StorageKey::original(&sha256, sniffed.ext)
        .ok_or_else(|| AppError::storage("a SHA-256 did not make a storage key"))?;
    let thumb_key = match probed.thumbnail {
        Some(bytes) => {
            let k = StorageKey::thumbnail(&sha256)
                .ok_or_else(|| AppError::storage("a SHA-256 did not make a thumbnail key"))?;
            s.media.put_bytes(&k, bytes).await?;
            Some(k)
        }
        None => None,
    };
    if let Some(bytes) = probed.phone {
        let k = StorageKey::phone(&sha256)
            .ok_or_else(|| AppError::storage("a SHA-256 did not make a phone key"))?;
        s.media.put_bytes(&k, bytes).await?;
    }
    let screen_key = match probed.screen {
        Some(bytes) => {
            let k = StorageKey::screen(&sha256)
                .ok_or_else(|| AppError::storage("a SHA-256 did not make a screen key"))?;
            s.media.put_bytes(&k, bytes).await?;
            Some(k)
        }
        None => None,
    };
    s.media.put_file(&key, path).await?;
    let new = NewMedia {
        sha256: sha256.clone(),
        kind: sniffed.kind,
        mime: sniffed.mime.to_owned(),
        size_bytes: i64::try_from(size).map_err(AppError::storage)?,
        width: probed.width.and_then(|w| i32::try_from(w).ok()),
        height: probed.height.and_then(|h| i32::try_from(h).ok()),
        storage_key: key.to_string(),
        thumb_key: thumb_key.map(|k| k.to_string()),
        screen_key: screen_key.map(|k| k.to_string()),
        original_name,
    };
    Ok(Prepared::New(new))
}

pub async fn get(s: &Services, id: i64) -> AppResult<Media> {
    store::find(&s.db, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Media))
}

/// One page of items, newest first, optionally of one kind.
pub async fn list(
    s: &Services,
    limit: Option<u64>,
    cursor: Option<&str>,
    kind: Option<&str>,
) -> AppResult<(Vec<Media>, Option<String>)> {
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(limit, cursor, &mut errs);
    let kind = kind.and_then(|k| errs.take(MediaKind::parse_field("kind", k)));
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let filter = MediaFilter {
        limit: page.fetch(),
        before_id: page.before_id,
        kind,
    };
    let rows = store::list(&s.db, &filter).await?;
    Ok(page.finish(rows, |m| m.id))
}

/// Removes an item and its files, refused while a live post uses it. The
/// in-use check and the delete run in one transaction; the files go after
/// the commit: a file left behind by a storage failure is only wasted space,
/// while a row without its file would be a broken item.
pub async fn delete(s: &Services, actor: &Actor, id: i64) -> AppResult<Media> {
    let txn = s.write(actor).await?;
    let row = store::find(&*txn, id)
        .await?
        .ok_or(AppError::NotFound(Resource::Media))?;
    let posts = store::live_posts_using(&*txn, &row.sha256).await?;
    if posts > 0 {
        return Err(AppError::MediaInUse { posts });
    }
    if !store::delete(&*txn, row.id).await? {
        return Err(AppError::NotFound(Resource::Media));
    }
    let change = Change::new(AuditAction::Delete, AuditTarget::Media, id);
    txn.commit(change.detail("media deleted")).await?;
    let phone = crate::notes::renditions::has_phone(&row)
        .then(|| StorageKey::phone(&row.sha256))
        .flatten();
    let keys = [
        StorageKey::parse(&row.storage_key),
        row.thumb_key.as_deref().and_then(StorageKey::parse),
        row.screen_key.as_deref().and_then(StorageKey::parse),
        phone,
    ];
    for key in keys.into_iter().flatten() {
        if let Err(e) = s.media.delete(&key).await {
            tracing::warn!(key = %key, error = %e, "media file not removed");
        }
    }
    Ok(row)
}

/// The storage key of a URL served by this server's `/media/`, if it is one.
fn hosted_key(public_url: &str, url: &str) -> Option<StorageKey> {
    let prefix = format!("{}/media/", public_url.trim_end_matches('/'));
    StorageKey::parse(url.trim().strip_prefix(&prefix)?)
}

/// Shape warnings for the draft's images and cover that point at this server:
/// their size is known, so a draft learns that an image is off 3:4 or too
/// narrow before the phone crops or upscales it.
pub async fn shape_warnings(s: &Services, raw: &RawPost) -> AppResult<Vec<Check>> {
    let fields: Vec<(String, StorageKey)> = raw
        .image_urls
        .iter()
        .enumerate()
        .map(|(i, u)| (format!("image_urls[{i}]"), u.as_str()))
        .chain(
            raw.cover_url
                .iter()
                .map(|u| ("cover_url".to_owned(), u.as_str())),
        )
        .filter_map(|(field, url)| Some((field, hosted_key(&s.settings.public_url, url)?)))
        .collect();
    let hashes: Vec<String> = fields.iter().map(|(_, k)| k.sha256().to_owned()).collect();
    let rows = store::find_by_sha256s(&s.db, &hashes).await?;
    let mut checks = Vec::new();
    for (field, key) in &fields {
        let size = rows
            .iter()
            .find(|r| r.sha256 == key.sha256() && r.kind == MediaKind::Image)
            .and_then(|r| {
                Some((
                    u32::try_from(r.width?).ok()?,
                    u32::try_from(r.height?).ok()?,
                ))
            });
        if let Some((w, h)) = size {
            checks.extend(image_shape_checks(field, w, h));
        }
    }
    Ok(checks)
}

#[cfg(test)]
mod tests {
    use super::{hosted_key, sanitize_name};

    const H: &str = "ab0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    #[test]
    fn only_this_servers_media_urls_are_looked_up() {
        let base = "https://xhs.example.com";
        let ours = format!("{base}/media/ab/{H}.jpg");
        assert_eq!(
            hosted_key(base, &ours).map(|k| k.sha256().to_owned()),
            Some(H.to_owned())
        );
        assert!(hosted_key(base, &format!("https://cdn.example.com/media/ab/{H}.jpg")).is_none());
        assert!(hosted_key(base, "https://xhs.example.com/media/../../etc/passwd").is_none());
    }

    #[test]
    fn names_lose_their_directories_and_control_characters() {
        assert_eq!(sanitize_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(
            sanitize_name("C:\\Users\\a\\照片 1.jpg").as_deref(),
            Some("照片 1.jpg")
        );
        assert_eq!(sanitize_name("a\u{0}b\n.jpg").as_deref(), Some("ab.jpg"));
        assert_eq!(sanitize_name("../"), None);
        assert_eq!(sanitize_name(".."), None);
    }
}
