use crate::auth::Operator;
use crate::dto::export::AuditExportQuery;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpRequest, HttpResponse};
use xhs_app::{exports, team::audit};

/// The audit log as a spreadsheet, newest first, with the list's filters.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), params(AuditExportQuery), responses(
    (status = 200, description = "an attachment (`Content-Disposition` with a UTF-8 `filename*`)", content(
        (crate::dto::BinaryFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (crate::dto::BinaryFile = "text/csv"),
    )),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a bad format or filter", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/audit/export")]
pub async fn export_audit(
    req: HttpRequest,
    state: web::Data<AppState>,
    _op: Operator,
    q: web::Query<AuditExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = q.into_inner();
    let filters = audit::AuditQuery {
        actor: q.actor,
        action: q.action,
        target_type: q.target_type,
        target_id: q.target_id,
        from: q.from,
        to: q.to,
        cursor: None,
        limit: None,
    };
    let export = exports::audit(&state.app, q.format.as_deref(), &filters)?;
    crate::download::send(&req, state, export).await
}
