use crate::auth::Operator;
use crate::{ApiError, AppState};
use actix_web::{get, http::header, web, HttpResponse};
use qrcode::render::svg;
use qrcode::QrCode;

/// Escapes text for an SVG text node.
fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The QR code of a link as SVG, with the post title (and label) under it for printing.
#[utoipa::path(tag = "links", security(("bearer" = [])), params(("id" = i64, Path, description = "link id")), responses(
    (status = 200, description = "SVG image", content_type = "image/svg+xml", body = String),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/links/{id}/qr.svg")]
pub async fn qr_svg(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (row, link) = super::load(&state, id.into_inner()).await?;
    let title = xhs_persistence::posts::find_live(&state.db, row.post_id)
        .await?
        .and_then(|p| p.title)
        .unwrap_or_default();
    let code = QrCode::new(link.url.as_bytes()).map_err(ApiError::internal)?;
    let size = 480u32;
    let qr = code
        .render::<svg::Color>()
        .min_dimensions(size, size)
        .quiet_zone(true)
        .build();
    let inner = qr.split_once("?>").map(|(_, rest)| rest).unwrap_or(&qr);
    let caption = match &link.label {
        Some(l) => format!("{title} · {l}"),
        None => title,
    };
    let body = format!(
        r##"<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{h}" viewBox="0 0 {size} {h}"><rect width="100%" height="100%" fill="#fff"/>{inner}<text x="{x}" y="{ty}" font-family="sans-serif" font-size="24" text-anchor="middle" fill="#222">{caption}</text></svg>"##,
        h = size + 56,
        x = size / 2,
        ty = size + 36,
        caption = xml_escape(&caption),
    );
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"link-{}.svg\"", link.id),
        ))
        .body(body))
}
