use crate::auth::Operator;
use crate::dto::account::{PublishRecord, RecordQuery};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::stats::records;

/// Publish records, by post and/or account, most recently changed first.
#[utoipa::path(tag = "accounts", security(("bearer" = ["viewer"])), params(RecordQuery), responses(
    (status = 200, body = Vec<PublishRecord>),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/records")]
pub async fn list_records(
    state: web::Data<AppState>,
    _op: Operator,
    q: web::Query<RecordQuery>,
) -> Result<web::Json<Vec<PublishRecord>>, ApiError> {
    let rows = records::list(&state.app, q.post_id, q.account_id).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|(r, post_title)| PublishRecord {
                post_title,
                ..PublishRecord::from(r)
            })
            .collect(),
    ))
}
