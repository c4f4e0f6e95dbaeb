//! Media this server hosts are stored in posts as their path
//! (`/media/ab/<sha256>.jpg`) and turned into absolute URLs from
//! `server.public_url` when read. So a post keeps working after the public
//! URL changes, and every instance behind a load balancer signs the same URL.
use crate::{AppResult, Services};
use xhs_media::StorageKey;
use xhs_persistence::posts::PostFields;
use xhs_persistence::{media as media_store, Post};

const PREFIX: &str = "/media/";

/// The storage key of an absolute URL whose path is `/media/<key>`.
fn key_of(url: &str) -> Option<(StorageKey, bool)> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    let key = StorageKey::parse(parsed.path().strip_prefix(PREFIX)?)?;
    let plain = parsed.query().is_none() && parsed.fragment().is_none();
    Some((key, plain))
}

/// The stored form of one URL: our media become their path; anything else
/// stays as it was given.
fn stored(public_url: &str, known: &[String], url: &str) -> String {
    let ours = format!("{}{PREFIX}", public_url.trim_end_matches('/'));
    match key_of(url) {
        Some((key, true))
            if url.trim().starts_with(&ours) || known.iter().any(|k| k == key.sha256()) =>
        {
            format!("{PREFIX}{key}")
        }
        _ => url.to_owned(),
    }
}

/// The URL a phone loads for a stored one.
fn public(public_url: &str, stored: &str) -> String {
    match stored.strip_prefix(PREFIX) {
        Some(key) => format!("{}{PREFIX}{key}", public_url.trim_end_matches('/')),
        None => stored.to_owned(),
    }
}

/// Rewrites the media URLs of validated fields to their stored form. A URL
/// of another host counts as ours when its content is in the library (it was
/// uploaded here under an earlier public URL).
pub(crate) async fn to_stored(s: &Services, mut f: PostFields) -> AppResult<PostFields> {
    let all = f
        .image_urls
        .iter()
        .chain(f.cover_url.iter())
        .chain(f.video_url.iter());
    let hashes: Vec<String> = all
        .filter_map(|u| key_of(u).map(|(k, _)| k.sha256().to_owned()))
        .collect();
    let known: Vec<String> = media_store::find_by_sha256s(&s.db, &hashes)
        .await?
        .into_iter()
        .map(|m| m.sha256)
        .collect();
    let base = &s.settings.public_url;
    f.image_urls = f
        .image_urls
        .iter()
        .map(|u| stored(base, &known, u))
        .collect();
    f.cover_url = f.cover_url.map(|u| stored(base, &known, &u));
    f.video_url = f.video_url.map(|u| stored(base, &known, &u));
    Ok(f)
}

/// Stored fields (a version's) with absolute media URLs.
pub(crate) fn fields_to_public(s: &Services, mut f: PostFields) -> PostFields {
    let base = &s.settings.public_url;
    f.image_urls = f.image_urls.iter().map(|u| public(base, u)).collect();
    f.cover_url = f.cover_url.map(|u| public(base, &u));
    f.video_url = f.video_url.map(|u| public(base, &u));
    f
}

/// A stored post with absolute media URLs under today's public URL.
pub(crate) fn to_public(s: &Services, mut p: Post) -> Post {
    let base = &s.settings.public_url;
    p.image_urls = p.image_urls.iter().map(|u| public(base, u)).collect();
    p.cover_url = p.cover_url.map(|u| public(base, &u));
    p.video_url = p.video_url.map(|u| public(base, &u));
    p
}

#[cfg(test)]
mod tests {
    use super::{public, stored};

    const H: &str = "ab0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    #[test]
    fn our_media_are_stored_as_paths_and_read_under_the_current_public_url() {
        let old = "http://127.0.0.1:8080";
        let url = format!("{old}/media/ab/{H}.jpg");
        let kept = stored(old, &[], &url);
        assert_eq!(kept, format!("/media/ab/{H}.jpg"));
        assert_eq!(
            public("https://xhs.example.com/", &kept),
            format!("https://xhs.example.com/media/ab/{H}.jpg")
        );
    }

    #[test]
    fn another_hosts_url_is_ours_only_when_its_content_is_in_the_library() {
        let elsewhere = format!("http://10.0.0.5:8080/media/ab/{H}.jpg");
        assert_eq!(
            stored("https://new.example.com", &[], &elsewhere),
            elsewhere
        );
        assert_eq!(
            stored("https://new.example.com", &[H.to_owned()], &elsewhere),
            format!("/media/ab/{H}.jpg")
        );
        let cdn = "https://cdn.example.com/a.jpg";
        assert_eq!(stored("https://new.example.com", &[], cdn), cdn);
        assert_eq!(public("https://x.example.com", cdn), cdn);
    }
}
