//! The PDF answer both QR sheets share.
use actix_web::http::header;
use actix_web::HttpResponse;
use xhs_app::print::Sheet;

/// The sheet as an attachment, never cached (it carries share links).
pub(crate) fn pdf(sheet: Sheet) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", sheet.filename),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header(("x-card-count", sheet.cards.to_string()))
        .body(sheet.pdf)
}
