use crate::auth::Operator;
use crate::dto::media::{Media, MediaListQuery, MediaPage};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::media;

/// The media library, newest first, a page at a time.
#[utoipa::path(tag = "media", security(("bearer" = ["viewer"])), params(MediaListQuery), responses(
    (status = 200, body = MediaPage),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/media")]
pub async fn list_media(
    state: web::Data<AppState>,
    _op: Operator,
    query: web::Query<MediaListQuery>,
) -> Result<web::Json<MediaPage>, ApiError> {
    let q = query.into_inner();
    let (rows, next_cursor) =
        media::list(&state.app, q.limit, q.cursor.as_deref(), q.kind.as_deref()).await?;
    Ok(web::Json(MediaPage {
        items: rows
            .into_iter()
            .map(|m| Media::new(&state.app, m))
            .collect(),
        next_cursor,
    }))
}
