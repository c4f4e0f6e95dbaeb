//! From a spooled upload to a media row: dedupe by hash, check the content in
//! full, store the file and its thumbnail, record it.
use crate::{ApiError, AppState};
use actix_web::web;
use xhs_media::{Spooled, StorageKey};
use xhs_persistence::entities::media as row;
use xhs_persistence::{media, PersistenceError};

/// The stored item and whether this upload created it.
pub async fn save(
    state: &AppState,
    spooled: Spooled,
    original_name: Option<String>,
) -> Result<(row::Model, bool), ApiError> {
    // The same content is already an item: keep that one (its name included).
    if let Some(existing) = media::find_by_sha256(&state.db, &spooled.sha256).await? {
        return Ok((existing, false));
    }
    let Spooled {
        path,
        sha256,
        size,
        sniffed,
    } = spooled;
    // Decoding is CPU work; keep it off the async threads. The temp file comes
    // back with the result so that it is still removed if anything fails.
    let (probed, path) = web::block(move || (xhs_media::probe(&path, &sniffed), path))
        .await
        .map_err(ApiError::internal)?;
    let probed = probed?;
    let key = StorageKey::original(&sha256, sniffed.ext)
        .ok_or_else(|| ApiError::internal("a SHA-256 did not make a storage key"))?;
    let thumb_key = match probed.thumbnail {
        Some(bytes) => {
            let k = StorageKey::thumbnail(&sha256)
                .ok_or_else(|| ApiError::internal("a SHA-256 did not make a thumbnail key"))?;
            state.media.put_bytes(&k, bytes).await?;
            Some(k)
        }
        None => None,
    };
    state.media.put_file(&key, path).await?;
    let new = media::NewMedia {
        sha256: sha256.clone(),
        kind: sniffed.kind.as_str().to_owned(),
        mime: sniffed.mime.to_owned(),
        size_bytes: i64::try_from(size).map_err(ApiError::internal)?,
        width: probed.width.and_then(|w| i32::try_from(w).ok()),
        height: probed.height.and_then(|h| i32::try_from(h).ok()),
        storage_key: key.to_string(),
        thumb_key: thumb_key.map(|k| k.to_string()),
        original_name,
    };
    match media::create(&state.db, &new).await {
        Ok(created) => Ok((created, true)),
        // Another upload of the same content won the race: same bytes, same keys.
        Err(PersistenceError::UniqueViolation) => media::find_by_sha256(&state.db, &sha256)
            .await?
            .map(|m| (m, false))
            .ok_or(ApiError::Conflict),
        Err(e) => Err(e.into()),
    }
}
