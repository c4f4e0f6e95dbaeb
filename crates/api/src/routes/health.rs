use crate::{ApiError, AppState};
use actix_web::{get, web, HttpResponse};
use std::time::Duration;

/// Liveness: the process answers.
#[utoipa::path(tag = "health", responses((status = 200, description = "alive")))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
}

/// Readiness: the database answers (within 1.5 s, however it fails).
#[utoipa::path(tag = "health", responses(
    (status = 200, description = "ready"),
    (status = 503, description = "database unreachable (`database_unavailable`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    // The pool's acquire timeout bounds a lost database; this bounds one
    // that accepts and never answers.
    match tokio::time::timeout(Duration::from_millis(1500), state.app.db.ping()).await {
        Ok(Ok(())) => Ok(HttpResponse::Ok().json(serde_json::json!({"status": "ready"}))),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness check failed");
            Err(ApiError::DatabaseUnavailable)
        }
        Err(_) => {
            tracing::warn!("readiness check timed out");
            Err(ApiError::DatabaseUnavailable)
        }
    }
}
