use crate::auth::Acting;
use crate::dto::import::{AccountImportReport, ImportForm, ImportQuery};
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpRequest, HttpResponse};
use xhs_app::imports::accounts;

/// Imports a roster of accounts from a spreadsheet (multipart field
/// `file`; columns 名称/name, 类型/kind, 分组/groups, 小红书号/xhs_id,
/// 备注/note). Groups are created as needed; an account the server knows
/// (same 小红书号, or same name in one of its groups) is matched, so the
/// same roster imported again changes nothing; a row repeating an earlier
/// one is reported (rule `unique`). Known accounts keep their kind and
/// note. Dry run and modes as for notes.
#[utoipa::path(tag = "imports", security(("bearer" = ["operator"])), params(ImportQuery),
    request_body(content_type = "multipart/form-data", content = ImportForm),
    responses(
    (status = 200, description = "every row with its problems; `committed` says whether anything was written", body = AccountImportReport),
    (status = 400, description = "not multipart, or no `file` field", body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 413, description = "larger than 10 MiB", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "the file cannot be imported (`file`: not a spreadsheet, no header row, more than 5 000 rows, a formula, a zip bomb), or a commit refused by a row (rows in error); nothing was written", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/imports/accounts")]
pub async fn import_accounts(
    state: web::Data<AppState>,
    op: Acting,
    req: HttpRequest,
    q: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let bytes = match super::receive(&req, payload).await {
        Ok(b) => b,
        Err(res) => return Ok(res),
    };
    let report = accounts::import(&state.app, &op, &bytes, q.options()).await?;
    tracing::info!(rows = report.rows.len(), committed = report.committed, created = report.created(), operator = %op.name, "roster imported");
    Ok(HttpResponse::Ok().json(AccountImportReport::from(report)))
}
