use crate::auth::Operator;
use crate::dto::export::AssignmentExportQuery;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpRequest, HttpResponse};
use xhs_app::{campaigns, exports};

/// A campaign's assignments as a spreadsheet: account, groups, note and
/// variant, planned time, status, when the link was opened and tapped,
/// when it was published, the share link and the note's link.
///
/// Chinese headers, times in the statistics' time zone, links clickable,
/// the header row frozen. Streams: memory stays flat however many rows.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "campaign id"), AssignmentExportQuery), responses(
    (status = 200, description = "an attachment (`Content-Disposition` with a UTF-8 `filename*`)", content(
        (crate::dto::BinaryFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::dto::BinaryFile = "text/csv"),
    )),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a bad format or filter", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/campaigns/{id}/export")]
pub async fn export_campaign(
    req: HttpRequest,
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<AssignmentExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let filters = campaigns::AssignmentQuery {
        status: q.status,
        post_id: q.post_id,
        account_id: q.account_id,
        group_id: q.group_id,
        limit: None,
        cursor: None,
    };
    let export =
        exports::campaign(&state.app, id.into_inner(), q.format.as_deref(), &filters).await?;
    crate::download::send(&req, state, export).await
}
