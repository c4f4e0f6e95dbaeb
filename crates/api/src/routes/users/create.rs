use crate::auth::Acting;
use crate::dto::user::{UserCreated, UserInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{http::header, post, web, HttpResponse};
use secrecy::{ExposeSecret, SecretString};
use xhs_app::team::users::{self, NewUser};

/// Creates a user with a role; a generated password is answered once.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), request_body = UserInput, responses(
    (status = 201, body = UserCreated),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "the username is taken (`conflict`)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a bad username, role or password; every failing field is listed", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    op: Acting,
    body: Json<UserInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.0;
    let created = users::create(
        &state.app,
        &op,
        NewUser {
            username: input.username,
            role: input.role,
            password: input.password.map(SecretString::from),
        },
    )
    .await?;
    let user = created.user;
    tracing::info!(user_id = user.id, role = %user.role, operator = %op.name, "user created");
    let res = HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(UserCreated {
            user: user.into(),
            password: created.password.map(|p| p.expose_secret().to_owned()),
        });
    Ok(res)
}
