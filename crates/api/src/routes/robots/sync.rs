use crate::auth::Acting;
use crate::dto::robot::SyncResult;
use crate::{ApiError, AppState};
use actix_web::{post, web};
use xhs_app::fleet::robots;

/// Reads every robot of the provider now and upserts each into the accounts
/// (kind `robot`); the schedule does the same every `robots.sync_interval_secs`.
#[utoipa::path(tag = "robots", security(("bearer" = ["operator"])), responses(
    (status = 200, body = SyncResult),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 502, description = "`robots_rejected` (its message in `detail`) or `robots_unavailable`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 503, description = "`robots_not_configured`", body = crate::Problem, content_type = "application/problem+json"),
    (status = 504, description = "`robots_timeout`", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/robots/sync")]
pub async fn sync_robots(
    state: web::Data<AppState>,
    op: Acting,
) -> Result<web::Json<SyncResult>, ApiError> {
    let o = robots::sync(&state.app, &op).await?;
    tracing::info!(synced = o.synced, created = o.created, operator = %op.name, "robots synced");
    Ok(web::Json(SyncResult {
        synced: o.synced,
        created: o.created,
        updated: o.updated,
    }))
}
