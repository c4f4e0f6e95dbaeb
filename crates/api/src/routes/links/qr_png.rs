use crate::auth::Operator;
use crate::{ApiError, AppState};
use actix_web::{get, http::header, web, HttpResponse};
use image::{ImageFormat, Luma};
use qrcode::QrCode;
use std::io::Cursor;
use xhs_app::links::manage as links;

/// The QR code of a link as PNG (the code only; the SVG carries the title).
///
/// Keeps answering for a revoked or expired link, for a deleted account's
/// link and after the link's post is deleted (its share page then answers
/// 410 `post_deleted`); 404 only for an id that never existed.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "link id")), responses(
    (status = 200, description = "PNG image", content_type = "image/png", body = crate::dto::BinaryFile),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/links/{id}/qr.png")]
pub async fn qr_png(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (link, _) = links::get(&state.app, id.into_inner()).await?;
    let code = QrCode::new(link.url.as_bytes()).map_err(ApiError::internal)?;
    let img = code.render::<Luma<u8>>().min_dimensions(480, 480).build();
    let mut png = Vec::new();
    img.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("image/png")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"link-{}.png\"", link.stored.id),
        ))
        .body(png))
}
