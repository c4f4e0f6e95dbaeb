use crate::auth::Acting;
use crate::dto::group::{GroupDetail, GroupInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::groups;

/// Adds a group (empty; add accounts with `POST /api/groups/{id}/members`).
#[utoipa::path(tag = "groups", security(("bearer" = ["operator"])), request_body = GroupInput, responses(
    (status = 201, body = GroupDetail),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/groups")]
pub async fn create_group(
    state: web::Data<AppState>,
    op: Acting,
    body: Json<GroupInput>,
) -> Result<HttpResponse, ApiError> {
    let group = groups::create(&state.app, &op, &body.0.name).await?;
    let id = group.group.id;
    let res = HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/groups/{id}"),
        ))
        .json(GroupDetail::from(group));
    Ok(res)
}
