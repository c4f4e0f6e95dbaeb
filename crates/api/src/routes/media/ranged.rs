//! Serving from object storage (S3): what `NamedFile` does for local files,
//! done with object_store's ranged get so only the asked-for bytes travel.
//! Range parsing is actix-files' own, so both backends answer alike.
use crate::{ApiError, AppState};
use actix_files::HttpRange;
use actix_web::http::header::{self, EntityTag};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse};
use futures_util::TryStreamExt;
use xhs_media::StorageKey;

/// The key holds the content's hash: a strong validator by construction.
fn etag(key: &StorageKey) -> EntityTag {
    EntityTag::new_strong(key.sha256().to_owned())
}

fn header_str(req: &HttpRequest, name: header::HeaderName) -> Option<&str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// True when an `If-None-Match` / `If-Range` value names this entity.
fn names(value: &str, tag: &EntityTag) -> bool {
    value
        .split(',')
        .map(str::trim)
        .any(|v| v == "*" || v.trim_start_matches("W/").trim_matches('"') == tag.tag())
}

pub async fn respond(
    state: &AppState,
    req: &HttpRequest,
    key: &StorageKey,
) -> Result<HttpResponse, ApiError> {
    let tag = etag(key);
    let size = state
        .app
        .media
        .head(key)
        .await?
        .ok_or(ApiError::NotFound(xhs_app::Resource::Media))?
        .size;
    let mut res = HttpResponse::Ok();
    res.insert_header((header::ETAG, tag.to_string()))
        .insert_header((header::ACCEPT_RANGES, "bytes"))
        .insert_header((header::CONTENT_TYPE, key.mime()));
    if header_str(req, header::IF_NONE_MATCH).is_some_and(|v| names(v, &tag)) {
        return Ok(res
            .status(actix_web::http::StatusCode::NOT_MODIFIED)
            .finish());
    }
    // A stale `If-Range` asks for the whole file instead of the range.
    let range_applies = header_str(req, header::IF_RANGE).is_none_or(|v| names(v, &tag));
    let range = match header_str(req, header::RANGE).filter(|_| range_applies) {
        None => None,
        Some(spec) => match HttpRange::parse(spec, size)
            .ok()
            .and_then(|r| r.first().copied())
        {
            Some(r) if r.length > 0 => Some(r.start..r.start + r.length),
            _ => {
                return Ok(HttpResponse::RangeNotSatisfiable()
                    .insert_header((header::CONTENT_RANGE, format!("bytes */{size}")))
                    .insert_header((header::ACCEPT_RANGES, "bytes"))
                    .finish())
            }
        },
    };
    if let Some(r) = &range {
        res.status(actix_web::http::StatusCode::PARTIAL_CONTENT)
            .insert_header((
                header::CONTENT_RANGE,
                format!("bytes {}-{}/{size}", r.start, r.end - 1),
            ));
    }
    let length = range.as_ref().map_or(size, |r| r.end - r.start);
    if req.method() == Method::HEAD || length == 0 {
        // An empty stream with a declared length: HEAD tells the size it would send.
        let nothing = futures_util::stream::empty::<Result<actix_web::web::Bytes, ApiError>>();
        return Ok(res.no_chunking(length).streaming(nothing));
    }
    let got = state.app.media.get(key, range).await?;
    let body = got.body.map_err(ApiError::from);
    Ok(res.no_chunking(length).streaming(body))
}
