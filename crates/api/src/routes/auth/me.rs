use crate::auth::Operator;
use crate::dto::auth::Me;
use crate::{ApiError, AppState};
use actix_web::{get, web};

/// Who is behind the token, their role, and whether notes need approval.
#[utoipa::path(tag = "auth", security(("bearer" = ["viewer"])), responses(
    (status = 200, body = Me),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/auth/me")]
pub async fn me(state: web::Data<AppState>, op: Operator) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(Me {
        username: op.username.clone(),
        role: op.role,
        expires_at: op.expires_at,
        approval_required: state.app.settings.approval_required,
    }))
}
