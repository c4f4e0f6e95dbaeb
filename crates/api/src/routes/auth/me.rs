use crate::auth::Operator;
use crate::dto::auth::Me;
use crate::dto::post::utc;
use crate::ApiError;
use actix_web::{get, web};

/// The operator behind the token.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses(
    (status = 200, body = Me),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/auth/me")]
pub async fn me(op: Operator) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(Me {
        username: op.username,
        expires_at: utc(op.expires_at),
    }))
}
