use crate::auth::Operator;
use crate::dto::post::{ListQuery, Post, PostPage};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::posts;

/// Live posts, newest first, a page at a time.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), params(ListQuery), responses(
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
    let page = posts::list(
        &state.app,
        posts::ListQuery {
            limit: q.limit,
            cursor: q.cursor,
            post_type: q.post_type,
            q: q.q,
            review_status: q.review_status,
        },
    )
    .await?;
    Ok(web::Json(PostPage {
        items: page
            .items
            .into_iter()
            .map(|(p, totals)| Post {
                totals: Some(totals),
                ..Post::from(p)
            })
            .collect(),
        next_cursor: page.next_cursor,
    }))
}
