use crate::{ApiError, AppState};
use actix_files::NamedFile;
use actix_web::http::header::{HeaderValue, CACHE_CONTROL};
use actix_web::{get, web, HttpRequest, HttpResponse};
use xhs_app::Resource;
use xhs_media::StorageKey;

/// A key names its content (it contains the SHA-256), so what is served at
/// it never changes: caches may keep it for a year.
pub const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

/// A stored file, as phones and XHS download it: no login. Answers HTTP
/// `Range` requests (206, or 416 when the range is outside the file), and
/// `If-None-Match` (304) with the `ETag` it sends.
#[utoipa::path(tag = "media",
    params(("key" = String, Path, description = "`ab/<sha256>.<ext>`, as in a media item's `url`")),
    responses(
    (status = 200, description = "the file, with its `Content-Type`, `ETag`, `Accept-Ranges: bytes` and a one-year `Cache-Control`"),
    (status = 206, description = "the requested byte range, with `Content-Range`"),
    (status = 304, description = "not modified (`If-None-Match`)"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 416, description = "the range is outside the file (`Content-Range: bytes */SIZE`)"),
))]
#[get("/media/{key:.*}")]
pub async fn serve_media(
    state: web::Data<AppState>,
    req: HttpRequest,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    serve(state, req, key).await
}

/// `GET` and `HEAD` both land here.
pub async fn serve(
    state: web::Data<AppState>,
    req: HttpRequest,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    // Only the shapes the library makes: no traversal, no other files.
    let key = StorageKey::parse(&key).ok_or(ApiError::NotFound(Resource::Media))?;
    let mut res = match state.app.media.local_path(&key) {
        Some(path) => {
            let file = NamedFile::open_async(&path)
                .await
                .map_err(|_| ApiError::NotFound(Resource::Media))?;
            let mime = key
                .mime()
                .parse()
                .map_err(|_| ApiError::internal("a storage key without a MIME type"))?;
            // actix-files does Range, If-Range, ETag and If-None-Match correctly.
            file.set_content_type(mime).into_response(&req)
        }
        None => super::ranged::respond(&state, &req, &key).await?,
    };
    if res.status().is_success() || res.status().as_u16() == 304 {
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(CACHE_FOREVER));
    }
    Ok(res)
}
