use crate::auth::Operator;
use crate::{ApiError, AppState};
use actix_web::{get, http::header, web, HttpResponse};
use qrcode::render::svg;
use qrcode::QrCode;
use xhs_app::links::manage as links;

/// The printed sheet: the code, then the caption in at most two lines.
const WIDTH: u32 = 480;
const FONT_PX: u32 = 22;
const LINE_PX: u32 = 30;
const MAX_LINES: usize = 2;

/// How wide a character prints at `FONT_PX`: Chinese, Japanese, Korean and
/// other wide characters take a full em, the rest a little over half.
fn char_px(c: char) -> u32 {
    if c.len_utf8() >= 3 {
        FONT_PX
    } else {
        FONT_PX * 3 / 5
    }
}

/// Breaks the caption into lines that fit the sheet (with a margin); what
/// does not fit in `MAX_LINES` ends in an ellipsis.
fn caption_lines(caption: &str) -> Vec<String> {
    let room = WIDTH - 2 * 16;
    let mut lines: Vec<String> = vec![String::new()];
    let mut used = 0;
    for c in caption.chars() {
        if used + char_px(c) > room {
            if lines.len() == MAX_LINES {
                if let Some(last) = lines.last_mut() {
                    while last.chars().map(char_px).sum::<u32>() + FONT_PX > room {
                        last.pop();
                    }
                    last.push('…');
                }
                return lines;
            }
            lines.push(String::new());
            used = 0;
        }
        used += char_px(c);
        if let Some(last) = lines.last_mut() {
            last.push(c);
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// The link's QR code centred on a white sheet `WIDTH` wide, with its caption
/// under it, inside the sheet whatever its length.
fn printable(url: &str, caption: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::new(url.as_bytes())?;
    let qr = code
        .render::<svg::Color>()
        .max_dimensions(WIDTH, WIDTH)
        .quiet_zone(true)
        .build();
    let side = code.width() as u32 + 8;
    let qr_px = (WIDTH / side) * side;
    let inner = qr.split_once("?>").map(|(_, rest)| rest).unwrap_or(&qr);
    let inner = inner.replacen(
        "<svg ",
        &format!("<svg x=\"{}\" y=\"0\" ", (WIDTH - qr_px) / 2),
        1,
    );
    let lines = caption_lines(caption);
    let height = qr_px + LINE_PX * lines.len() as u32 + 16;
    let text: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                r##"<text x="{x}" y="{y}" font-family="sans-serif" font-size="{FONT_PX}" text-anchor="middle" fill="#222">{t}</text>"##,
                x = WIDTH / 2,
                y = qr_px + LINE_PX * (i as u32 + 1) - 4,
                t = xml_escape(l),
            )
        })
        .collect();
    Ok(format!(
        r##"<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}"><rect width="100%" height="100%" fill="#fff"/>{inner}{text}</svg>"##
    ))
}

/// Escapes text for an SVG text node.
fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The QR code of a link as SVG, with the post title (and label) under it for printing.
///
/// Keeps answering for a revoked or expired link, for a deleted account's
/// link and after the link's post is deleted (its share page then answers
/// 410 `post_deleted`); 404 only for an id that never existed.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "link id")), responses(
    (status = 200, description = "SVG image", content_type = "image/svg+xml", body = crate::dto::BinaryFile),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/links/{id}/qr.svg")]
pub async fn qr_svg(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (link, title) = links::get(&state.app, id.into_inner()).await?;
    let caption = match &link.stored.label {
        Some(l) => format!("{title} · {l}"),
        None => title,
    };
    let body = printable(&link.url, &caption).map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("image/svg+xml")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"link-{}.svg\"", link.stored.id),
        ))
        .body(body))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn attr(svg: &str, name: &str) -> u32 {
        let start = svg.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        svg[start..].split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn the_code_fits_the_sheet_and_is_centred() {
        let url = format!("https://xhs.example.com/s/{}", "A".repeat(43));
        let svg = printable(&url, "周末去哪儿").unwrap();
        let nested = svg.match_indices("<svg").nth(1).unwrap().0;
        let inner = &svg[nested..];
        let (w, x) = (attr(inner, "width"), attr(inner, "x"));
        assert!(w <= WIDTH, "a {w} px code on a {WIDTH} px sheet");
        assert_eq!(x, (WIDTH - w) / 2);
    }

    #[test]
    fn a_long_caption_wraps_and_ends_in_an_ellipsis_inside_the_sheet() {
        let lines = caption_lines(&"周末城市漫步路线拍照很出片".repeat(4));
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines[1].ends_with('…'));
        for l in &lines {
            assert!(l.chars().map(char_px).sum::<u32>() <= WIDTH - 32, "{l}");
        }
        assert_eq!(
            caption_lines("周末去哪儿 · 三班"),
            vec!["周末去哪儿 · 三班"]
        );
    }
}
