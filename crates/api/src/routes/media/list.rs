use crate::auth::Operator;
use crate::dto::media::{Media, MediaListQuery, MediaPage};
use crate::routes::paging::PageRequest;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_domain::{FieldError, ValidationErrors};
use xhs_media::MediaKind;
use xhs_persistence::media::{self, MediaFilter};

/// The media library, newest first, a page at a time.
#[utoipa::path(tag = "media", security(("bearer" = [])), params(MediaListQuery), responses(
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
    let mut errs = ValidationErrors::default();
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        None => None,
        Some(k) => errs.take(
            MediaKind::parse(k)
                .map(|k| k.as_str().to_owned())
                .ok_or_else(|| FieldError::new("kind", "one_of", "kind must be image or video")),
        ),
    };
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let filter = MediaFilter {
        limit: page.fetch(),
        before_id: page.before_id,
        kind,
    };
    let rows = media::list(&state.db, &filter).await?;
    let (rows, next_cursor) = page.finish(rows, |r| r.id);
    let public_url = &state.settings.public_url;
    Ok(web::Json(MediaPage {
        items: rows
            .into_iter()
            .map(|r| Media::from_row(r, public_url))
            .collect(),
        next_cursor,
    }))
}
