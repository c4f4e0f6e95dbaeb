use crate::auth::Operator;
use crate::dto::print::QrSheetQuery;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpResponse};
use xhs_app::links::qr_sheet;

/// The note's QR codes to print: A4 pages of cards, one per live link
/// (revoked and expired ones left out), each with the code, the account's
/// name (or the link's label), its group, the title (and variant) and the
/// link written out, with cut marks. Chinese is real text in an embedded
/// CJK font.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id"), QrSheetQuery), responses(
    (status = 200, description = "a PDF; `x-card-count` says how many cards it holds", content_type = "application/pdf", body = crate::dto::BinaryFile),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "`per_page` not 6, 12 or 24, malformed `ids`, unknown `group_id`, or nothing to print", body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`font_not_configured`: no CJK font (set `XHSPUB__PRINT__FONT_PATH`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/links/qr-sheet.pdf")]
pub async fn links_qr_sheet(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<QrSheetQuery>,
) -> Result<HttpResponse, ApiError> {
    let sheet = qr_sheet::qr_sheet(&state.app, id.into_inner(), &q.into_inner().into()).await?;
    Ok(crate::routes::print::pdf(sheet))
}
