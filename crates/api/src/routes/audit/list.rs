use crate::auth::Operator;
use crate::dto::audit::{AuditEntry, AuditPage, AuditQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::team::audit;

/// The audit log, newest first, a page at a time: logins, failed logins and
/// every write, with actor, time, client address, target and a detail. It
/// has no write path.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), params(AuditQuery), responses(
    (status = 200, body = AuditPage),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a bad filter, cursor or limit", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/audit")]
pub async fn list_audit(
    state: web::Data<AppState>,
    _op: Operator,
    query: web::Query<AuditQuery>,
) -> Result<web::Json<AuditPage>, ApiError> {
    let q = query.into_inner();
    let q = audit::AuditQuery {
        actor: q.actor,
        action: q.action,
        target_type: q.target_type,
        target_id: q.target_id,
        from: q.from,
        to: q.to,
        cursor: q.cursor,
        limit: q.limit,
    };
    let (rows, next_cursor) = audit::list(&state.app, &q).await?;
    Ok(web::Json(AuditPage {
        items: rows.into_iter().map(AuditEntry::from).collect(),
        next_cursor,
    }))
}
