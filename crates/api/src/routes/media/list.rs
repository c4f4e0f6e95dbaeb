use crate::auth::Operator;
use crate::dto::media::{Media, MediaListQuery, MediaPage};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_domain::{FieldError, ValidationErrors};
use xhs_media::MediaKind;
use xhs_persistence::media::{self, MediaFilter};

const DEFAULT_LIMIT: u64 = 20;
const MAX_LIMIT: u64 = 100;

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
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        errs.push(FieldError::new(
            "limit",
            "range",
            format!("limit must be 1 to {MAX_LIMIT}"),
        ));
    }
    let before_id = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => errs.take(c.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
            FieldError::new(
                "cursor",
                "well_formed",
                "cursor must be a next_cursor this API returned",
            )
        })),
    };
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
        limit: limit + 1,
        before_id,
        kind,
    };
    let mut rows = media::list(&state.db, &filter).await?;
    let next_cursor = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| r.id.to_string())
    } else {
        None
    };
    let public_url = &state.settings.public_url;
    Ok(web::Json(MediaPage {
        items: rows
            .into_iter()
            .map(|r| Media::from_row(r, public_url))
            .collect(),
        next_cursor,
    }))
}
