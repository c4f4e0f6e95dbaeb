use crate::auth::Operator;
use crate::dto::people::{PeopleQuery, Person};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::links::people;

/// Who has published this note: every share link of the note (in or
/// outside a campaign), newest first, with its account and groups, where
/// its person stands, the first opened, tapped and published times, and
/// the pasted note link.
#[utoipa::path(tag = "links", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id"), PeopleQuery), responses(
    (status = 200, body = Vec<Person>),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/people")]
pub async fn post_people(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    q: web::Query<PeopleQuery>,
) -> Result<web::Json<Vec<Person>>, ApiError> {
    let unfinished = q.unfinished.unwrap_or(false);
    let rows = people::people(&state.app, id.into_inner(), unfinished).await?;
    Ok(web::Json(rows.into_iter().map(Person::from).collect()))
}
