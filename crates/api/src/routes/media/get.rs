use crate::auth::Operator;
use crate::dto::media::Media;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::media;

/// One item of the media library.
#[utoipa::path(tag = "media", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "media id")), responses(
    (status = 200, body = Media),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/media/{id}")]
pub async fn get_media(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Media>, ApiError> {
    let item = media::get(&state.app, id.into_inner()).await?;
    Ok(web::Json(Media::new(&state.app, item)))
}
