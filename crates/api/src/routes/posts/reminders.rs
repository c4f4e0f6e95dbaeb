use crate::auth::Operator;
use crate::dto::people::{Reminder, Reminders};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::links::people;

/// The reminders (催办) of a note: for every unfinished person a
/// ready-to-paste Chinese message with their link, and one text for the
/// whole list.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = Reminders),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/reminders")]
pub async fn post_reminders(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Reminders>, ApiError> {
    let (items, text) = people::reminders(&state.app, id.into_inner()).await?;
    Ok(web::Json(Reminders {
        items: items.into_iter().map(Reminder::from).collect(),
        text,
    }))
}
