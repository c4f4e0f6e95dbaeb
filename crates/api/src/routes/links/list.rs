use crate::auth::Operator;
use crate::dto::link::Link;
use crate::dto::stats::totals_of;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_persistence::events::{self, GroupBy};
use xhs_persistence::{accounts, links};

/// Every link of a post, newest first, revoked and expired ones included, with
/// each link's totals.
#[utoipa::path(tag = "links", security(("bearer" = [])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = Vec<Link>),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/links")]
pub async fn list_links(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<Link>>, ApiError> {
    let post = crate::routes::posts::load(&state, id.into_inner()).await?;
    let rows = links::list_for_post(&state.db, post.id).await?;
    let ids: Vec<i64> = rows.iter().filter_map(|l| l.account_id).collect();
    let accounts = accounts::find_any(&state.db, &ids).await?;
    let link_ids: Vec<i64> = rows.iter().map(|l| l.id).collect();
    let counts = events::totals_by(&state.db, GroupBy::Link, &link_ids).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|l| {
                let account = accounts.iter().find(|a| Some(a.id) == l.account_id);
                let id = l.id;
                Link {
                    totals: Some(totals_of(&counts, id)),
                    ..Link::new(l, &state.settings.public_url, account)
                }
            })
            .collect(),
    ))
}
