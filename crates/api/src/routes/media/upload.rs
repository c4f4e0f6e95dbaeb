use crate::auth::Acting;
use crate::dto::media::{Media, UploadForm};
use crate::{ApiError, AppState};
use actix_multipart::Multipart;
use actix_web::{http::header, post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use xhs_app::notes::media;

/// Room for the multipart framing around the file (boundaries, part headers,
/// small extra fields) when judging `Content-Length` up front.
const FRAMING_BYTES: u64 = 64 * 1024;

/// Uploads one image or video (multipart field `file`). The type is decided
/// by the content; the file is streamed to storage while it is hashed, never
/// held in memory, and refused as soon as it passes its kind's limit. The same
/// content uploaded again answers 200 with the item it already is. HEIC/HEIF
/// photos are stored as JPEG. Every refusal has its own `code`, and
/// `retryable` says whether the same upload may work later (only a full
/// store, a rate limit or a server fault).
#[utoipa::path(tag = "media", security(("bearer" = ["operator"])),
    request_body(content_type = "multipart/form-data", content = UploadForm),
    responses(
    (status = 201, description = "stored", body = Media),
    (status = 200, description = "the same content was uploaded before: that item", body = Media),
    (status = 400, description = "not multipart, or no `file` field", body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 413, description = "`payload_too_large`: larger than `media.max_image_bytes` / `media.max_video_bytes` (`retryable` false)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 415, description = "`unsupported_media_type`: not JPEG, PNG, WebP, HEIC/HEIF, MP4 or MOV by content (`retryable` false)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "`empty_file` (0 bytes), `undecodable_media` (truncated or corrupt) or `heic_undecodable` (a HEIC photo that cannot be converted: save it as JPEG); `retryable` false", body = crate::Problem, content_type = "application/problem+json"),
    (status = 507, description = "`insufficient_storage`: the media store is full or read-only; nothing was kept (no file, no item); `retryable` true", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/media")]
pub async fn upload_media(
    state: web::Data<AppState>,
    op: Acting,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let limits = state.app.media.limits();
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    // Refused before a byte of the body is read when the size is known.
    if declared.is_some_and(|n| n > limits.largest() + FRAMING_BYTES) {
        return Err(ApiError::PayloadTooLarge(
            usize::try_from(limits.largest()).unwrap_or(usize::MAX),
        ));
    }
    let mut form = Multipart::new(req.headers(), payload);
    let upload = match receive(&state, &mut form).await {
        Ok(upload) => upload,
        // The rest of the body is not read: the connection closes after this.
        Err(e) => return Ok(crate::unread::refuse_unread(e, form)),
    };
    let (spooled, name) = upload.ok_or_else(|| {
        ApiError::bad_request(
            "file",
            "send the file in a multipart/form-data field named `file`",
        )
    })?;
    let (row, created) = media::save(&state.app, &op, spooled, name).await?;
    tracing::info!(media_id = row.id, created, kind = %row.kind, size = row.size_bytes, operator = %op.name, "media uploaded");
    let location = format!("/api/media/{}", row.id);
    let item = Media::new(&state.app, row);
    let res = if created {
        HttpResponse::Created()
            .insert_header((header::LOCATION, location))
            .json(item)
    } else {
        HttpResponse::Ok().json(item)
    };
    Ok(res)
}

/// Reads the form, spooling the `file` field; stops at the first refusal.
async fn receive(
    state: &AppState,
    form: &mut Multipart,
) -> Result<Option<(xhs_media::Spooled, Option<String>)>, ApiError> {
    let mut upload = None;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        if field.name() != Some("file") || upload.is_some() {
            skip(&mut field).await?;
            continue;
        }
        let name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .and_then(media::sanitize_name);
        let mut spool = state.app.media.spool().await?;
        while let Some(chunk) = field.next().await {
            spool.write(&chunk.map_err(malformed)?).await?;
        }
        upload = Some((spool.finish().await?, name));
    }
    Ok(upload)
}

/// Other fields are not used; they are read and dropped, up to a small size.
async fn skip(field: &mut actix_multipart::Field) -> Result<(), ApiError> {
    let mut seen = 0u64;
    while let Some(chunk) = field.next().await {
        seen += chunk.map_err(malformed)?.len() as u64;
        if seen > FRAMING_BYTES {
            return Err(ApiError::bad_request(
                "body",
                "only the `file` field may be large; send one file per request",
            ));
        }
    }
    Ok(())
}

fn malformed(e: actix_multipart::MultipartError) -> ApiError {
    ApiError::bad_request(
        "body",
        format!("not a readable multipart/form-data body: {e}"),
    )
}
