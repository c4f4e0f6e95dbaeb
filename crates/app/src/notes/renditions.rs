//! The sizes a share page can load of each image (`srcset`): the console's
//! thumbnail, the page's own 1080 px rendition and, for very large photos,
//! the phone-sized one for the hand-off, all made at upload
//! (`xhs_media::probe`). Images hosted elsewhere have only themselves.
use crate::{AppResult, Services};
use xhs_media::StorageKey;
use xhs_persistence::{media as media_store, Media};

/// One image of a note and its smaller renditions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct ImageSizes {
    /// The image as uploaded.
    pub url: String,
    /// At most `THUMB_WIDTH` (320) px wide; the image itself when there is none.
    pub thumb_url: String,
    /// Long edge at most 2560 px; the image itself when it is not larger.
    pub phone_url: String,
    /// What the share page shows: 1080 px wide at most (XHS's own width);
    /// `phone_url` for an image stored before this rendition existed.
    pub screen_url: String,
}

/// The library rows of a stored post's hosted images (`/media/<key>` paths),
/// read once per link resolution (see [`crate::links::cache`]).
pub(crate) async fn rows_for(s: &Services, stored_urls: &[String]) -> AppResult<Vec<Media>> {
    let hashes: Vec<String> = stored_urls
        .iter()
        .filter_map(|u| u.strip_prefix("/media/").and_then(StorageKey::parse))
        .map(|k| k.sha256().to_owned())
        .collect();
    if hashes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(media_store::find_by_sha256s(&s.db, &hashes).await?)
}

/// The sizes of each public image URL, given its library rows.
pub(crate) fn sizes(s: &Services, public_urls: &[String], rows: &[Media]) -> Vec<ImageSizes> {
    let prefix = format!("{}/media/", s.settings.public_url.trim_end_matches('/'));
    let url_of = |k: &StorageKey| format!("{prefix}{k}");
    public_urls
        .iter()
        .map(|url| {
            let row = url
                .strip_prefix(&prefix)
                .and_then(StorageKey::parse)
                .and_then(|k| rows.iter().find(|r| r.sha256 == k.sha256()));
            let thumb = row
                .and_then(|r| r.thumb_key.as_deref())
                .and_then(StorageKey::parse)
                .map(|k| url_of(&k));
            let phone = row
                .filter(|r| has_phone(r))
                .and_then(|r| StorageKey::phone(&r.sha256))
                .map(|k| url_of(&k));
            let screen = row
                .and_then(|r| r.screen_key.as_deref())
                .and_then(StorageKey::parse)
                .map(|k| url_of(&k));
            let phone_url = phone.unwrap_or_else(|| url.clone());
            ImageSizes {
                url: url.clone(),
                thumb_url: thumb.unwrap_or_else(|| url.clone()),
                screen_url: screen.unwrap_or_else(|| phone_url.clone()),
                phone_url,
            }
        })
        .collect()
}

/// Whether an image has a phone-sized rendition (it is larger than that).
pub(crate) fn has_phone(m: &Media) -> bool {
    let long = m.width.max(m.height).unwrap_or(0);
    u32::try_from(long).is_ok_and(|l| l > xhs_media::PHONE_LONG_EDGE)
}
