use crate::auth::Operator;
use crate::dto::post::{ListQuery, Post, PostPage};
use crate::dto::stats::totals_of;
use crate::routes::paging::PageRequest;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_domain::PostType;
use xhs_persistence::events::{self, GroupBy};
use xhs_persistence::posts::{self, ListFilter};

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
    let page = PageRequest::parse(q.limit, q.cursor.as_deref(), &mut errs);
    let post_type = match q.post_type.as_deref().filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => errs.take(PostType::parse(t)).map(|t| t.as_str().to_owned()),
    };
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let filter = ListFilter {
        limit: page.fetch(),
        before_id: page.before_id,
        post_type,
        q: q.q,
    };
    let rows = posts::list(&state.db, &filter).await?;
    let (rows, next_cursor) = page.finish(rows, |r| r.id);
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let counts = events::totals_by(&state.db, GroupBy::Post, &ids).await?;
    let items = rows
        .into_iter()
        .map(|r| Post {
            totals: Some(totals_of(&counts, r.id)),
            ..Post::from(r)
        })
        .collect();
    Ok(web::Json(PostPage { items, next_cursor }))
}
