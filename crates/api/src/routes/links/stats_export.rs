use crate::auth::Operator;
use crate::dto::export::StatsExportQuery;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpRequest, HttpResponse};
use xhs_app::exports;

/// A link's statistics per day for a range of days, as a spreadsheet.
///
/// One row per day from `from` to `to` (zeros included; days in the
/// statistics' time zone) with opens, taps, SDK loads, app opens, SDK
/// failures, fallbacks and confirmed publishes.
#[utoipa::path(tag = "stats", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "link id"), StatsExportQuery), responses(
    (status = 200, description = "an attachment (`Content-Disposition` with a UTF-8 `filename*`)", content(
        (crate::dto::BinaryFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::dto::BinaryFile = "text/csv"),
    )),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a bad format, `from` or `to`", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/links/{id}/stats/export")]
pub async fn export_link_stats(
    req: HttpRequest,
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<StatsExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let export = exports::link_stats(&state.app, id.into_inner(), &q.into_inner().into()).await?;
    crate::download::send(&req, state, export).await
}
