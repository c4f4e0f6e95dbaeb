use crate::{ApiError, AppState};
use actix_web::{get, web, HttpResponse};

/// Liveness: the process answers.
#[utoipa::path(tag = "health", responses((status = 200, description = "alive")))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
}

/// Readiness: the database answers.
#[utoipa::path(tag = "health", responses(
    (status = 200, description = "ready"),
    (status = 503, description = "database unreachable", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    match state.db.ping().await {
        Ok(()) => Ok(HttpResponse::Ok().json(serde_json::json!({"status": "ready"}))),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            Ok(HttpResponse::ServiceUnavailable()
                .content_type("application/problem+json")
                .json(serde_json::json!({"type": "about:blank", "title": "Service Unavailable", "status": 503, "code": "database_unavailable", "detail": "the database does not answer"})))
        }
    }
}
