use crate::auth::Operator;
use crate::dto::export::ExportQuery;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpRequest, HttpResponse};
use xhs_app::exports;

/// Every link of a note with its totals, as a spreadsheet: label, account,
/// variant, status, the link, when made and until when, and its opens,
/// taps, app opens, failures and confirmed publishes.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id"), ExportQuery), responses(
    (status = 200, description = "an attachment (`Content-Disposition` with a UTF-8 `filename*`)", content(
        (crate::dto::BinaryFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::dto::BinaryFile = "text/csv"),
    )),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a bad format", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/links/export")]
pub async fn export_links(
    req: HttpRequest,
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let export = exports::post_links(&state.app, id.into_inner(), q.format.as_deref()).await?;
    crate::download::send(&req, state, export).await
}
