//! Pre-flight advice on images this server hosts: their size is known from
//! the media table, so a draft learns that an image is off 3:4 or too narrow
//! before the phone crops or upscales it.
use crate::{ApiError, AppState};
use xhs_domain::{image_shape_checks, Check, RawPost};
use xhs_media::StorageKey;
use xhs_persistence::media;

/// The storage key of a URL served by this server's `/media/`, if it is one.
fn hosted_key(public_url: &str, url: &str) -> Option<StorageKey> {
    let prefix = format!("{}/media/", public_url.trim_end_matches('/'));
    StorageKey::parse(url.trim().strip_prefix(&prefix)?)
}

/// Shape warnings for the draft's images and cover that point at this server.
pub async fn warnings(state: &AppState, raw: &RawPost) -> Result<Vec<Check>, ApiError> {
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
        .filter_map(|(field, url)| Some((field, hosted_key(&state.settings.public_url, url)?)))
        .collect();
    let hashes: Vec<String> = fields.iter().map(|(_, k)| k.sha256().to_owned()).collect();
    let rows = media::find_by_sha256s(&state.db, &hashes).await?;
    let mut checks = Vec::new();
    for (field, key) in &fields {
        let size = rows
            .iter()
            .find(|r| r.sha256 == key.sha256() && r.kind == "image")
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
    use super::hosted_key;

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
}
