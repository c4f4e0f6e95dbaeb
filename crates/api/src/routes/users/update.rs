use crate::auth::Acting;
use crate::dto::user::{UserUpdate, UserUpdated};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{http::header, put, web, HttpResponse};
use secrecy::ExposeSecret;
use xhs_app::team::users;

/// Changes a user's role, disables or enables them, or resets their password
/// (answered once). Each of these ends the user's sessions at once.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), params(("id" = i64, Path, description = "user id")), request_body = UserUpdate, responses(
    (status = 200, body = UserUpdated),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "it would leave no enabled admin (`last_admin`)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "not a role", body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<UserUpdate>,
) -> Result<HttpResponse, ApiError> {
    let input = body.0;
    let update = users::UserUpdate {
        role: input.role,
        disabled: input.disabled,
        reset_password: input.reset_password.unwrap_or(false),
    };
    let updated = users::update(&state.app, &op, id.into_inner(), update).await?;
    let user = updated.user;
    tracing::info!(user_id = user.id, role = %user.role, disabled = user.disabled, operator = %op.name, "user changed");
    let res = HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(UserUpdated {
            user: user.into(),
            password: updated.password.map(|p| p.expose_secret().to_owned()),
        });
    Ok(res)
}
