use crate::auth::Operator;
use crate::dto::user::{User, UserList};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::team::users;

/// Every user with their role, oldest first.
#[utoipa::path(tag = "team", security(("bearer" = ["admin"])), responses(
    (status = 200, body = UserList),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    _op: Operator,
) -> Result<web::Json<UserList>, ApiError> {
    let rows = users::list(&state.app).await?;
    Ok(web::Json(UserList {
        items: rows.into_iter().map(User::from).collect(),
    }))
}
