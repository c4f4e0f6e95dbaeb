use crate::auth::Operator;
use crate::dto::print::QrSheetQuery;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpResponse};
use xhs_app::campaigns;

/// The campaign's QR codes to print: A4 pages of cards, one per person's
/// link, each with the code, the name, the group, the note's title (and
/// variant) and the link written out, with cut marks. Chinese is real text
/// in an embedded CJK font.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "campaign id"), QrSheetQuery), responses(
    (status = 200, description = "a PDF; `x-card-count` says how many cards it holds", content_type = "application/pdf", body = crate::dto::BinaryFile),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`campaign_state`: not launched yet (no links) or cancelled", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "`per_page` not 6, 12 or 24, malformed `ids`, unknown `group_id`, or nothing to print", body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`font_not_configured`: no CJK font (set `XHSPUB__PRINT__FONT_PATH`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/campaigns/{id}/qr-sheet.pdf")]
pub async fn campaign_qr_sheet(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<QrSheetQuery>,
) -> Result<HttpResponse, ApiError> {
    let sheet = campaigns::qr_sheet(&state.app, id.into_inner(), &q.into_inner().into()).await?;
    Ok(crate::routes::print::pdf(sheet))
}
