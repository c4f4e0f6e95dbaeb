use crate::auth::Operator;
use crate::dto::campaign::{AssignmentPage, AssignmentQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::campaigns;

/// A campaign's assignments by id, filtered by status, note, account or group.
#[utoipa::path(tag = "campaigns", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "campaign id"), AssignmentQuery), responses(
    (status = 200, body = AssignmentPage),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/campaigns/{id}/assignments")]
pub async fn list_assignments(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<AssignmentQuery>,
) -> Result<web::Json<AssignmentPage>, ApiError> {
    let q = q.into_inner();
    let query = campaigns::AssignmentQuery {
        status: q.status,
        post_id: q.post_id,
        account_id: q.account_id,
        group_id: q.group_id,
        limit: q.limit,
        cursor: q.cursor,
    };
    let page = campaigns::list_assignments(&state.app, id.into_inner(), &query).await?;
    Ok(web::Json(AssignmentPage {
        items: page.items.into_iter().map(Into::into).collect(),
        next_cursor: page.next_cursor,
    }))
}
