use crate::auth::Operator;
use crate::dto::post::{ListQuery, Post, PostPage};
use crate::dto::stats::Totals;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_domain::PostType;
use xhs_persistence::posts::{self, ListFilter};

const DEFAULT_LIMIT: u64 = 20;
const MAX_LIMIT: u64 = 100;

/// Live posts, newest first, a page at a time.
#[utoipa::path(tag = "posts", security(("bearer" = [])), params(ListQuery), responses(
    (status = 200, body = PostPage),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts")]
pub async fn list_posts(
    state: web::Data<AppState>,
    _op: Operator,
    query: web::Query<ListQuery>,
) -> Result<web::Json<PostPage>, ApiError> {
    let q = query.into_inner();
    let mut errs = xhs_domain::ValidationErrors::default();
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        errs.push(xhs_domain::FieldError::new(
            "limit",
            "range",
            format!("limit must be 1 to {MAX_LIMIT}"),
        ));
    }
    let before_id = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => errs.take(c.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
            xhs_domain::FieldError::new(
                "cursor",
                "well_formed",
                "cursor must be a next_cursor this API returned",
            )
        })),
    };
    let post_type = match q.post_type.as_deref().filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => errs.take(PostType::parse(t)).map(|t| t.as_str().to_owned()),
    };
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let filter = ListFilter {
        limit: limit + 1,
        before_id,
        post_type,
        q: q.q,
    };
    let mut rows = posts::list(&state.db, &filter).await?;
    let next_cursor = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|r| r.id.to_string())
    } else {
        None
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let counts = xhs_persistence::events::totals_for_posts(&state.db, &ids).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let mut totals = Totals::default();
            counts
                .iter()
                .filter(|(p, _, _)| *p == r.id)
                .for_each(|(_, kind, n)| totals.add(kind, *n));
            Post {
                totals: Some(totals),
                ..Post::from(r)
            }
        })
        .collect();
    Ok(web::Json(PostPage { items, next_cursor }))
}
