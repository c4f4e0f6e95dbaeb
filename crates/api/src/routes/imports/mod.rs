//! Imports from spreadsheets (issue 20): notes and rosters, and the
//! templates to fill in. Operators only.
pub mod accounts;
pub mod accounts_template;
pub mod posts;
pub mod posts_template;

use crate::ApiError;
use actix_multipart::Multipart;
use actix_web::{http::header, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use xhs_app::imports::limits::MAX_FILE_BYTES;

/// Room for the multipart framing around the file.
const FRAMING_BYTES: usize = 64 * 1024;

/// The bytes of the form's `file` field, at most [`MAX_FILE_BYTES`]; a
/// larger body is refused before it is read (413).
pub(crate) async fn receive(
    req: &HttpRequest,
    payload: actix_web::web::Payload,
) -> Result<Vec<u8>, HttpResponse> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_FILE_BYTES + FRAMING_BYTES) {
        let too_large = ApiError::PayloadTooLarge(MAX_FILE_BYTES);
        return Err(crate::unread::refuse_unread(too_large, payload));
    }
    let mut form = Multipart::new(req.headers(), payload);
    match read_file(&mut form).await {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(HttpResponse::from_error(ApiError::bad_request(
            "file",
            "send the spreadsheet in a multipart/form-data field named `file`",
        ))),
        // The rest of the body is not read: the connection closes after this.
        Err(e) => Err(crate::unread::refuse_unread(e, form)),
    }
}

async fn read_file(form: &mut Multipart) -> Result<Option<Vec<u8>>, ApiError> {
    let mut file = None;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        let wanted = field.name() == Some("file") && file.is_none();
        let limit = if wanted {
            MAX_FILE_BYTES
        } else {
            FRAMING_BYTES
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            bytes.extend_from_slice(&chunk.map_err(malformed)?);
            if bytes.len() > limit {
                return Err(ApiError::PayloadTooLarge(MAX_FILE_BYTES));
            }
        }
        if wanted {
            file = Some(bytes);
        }
    }
    Ok(file)
}

fn malformed(e: actix_multipart::MultipartError) -> ApiError {
    ApiError::bad_request(
        "body",
        format!("not a readable multipart/form-data body: {e}"),
    )
}

/// An .xlsx file to download.
pub(crate) fn xlsx(bytes: Vec<u8>, name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes)
}
