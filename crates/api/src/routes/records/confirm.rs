use crate::auth::Acting;
use crate::dto::account::{ConfirmInput, PublishRecord};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::stats::records;

/// Confirms a publish with the note's URL (pasted back by the operator); the
/// server checks it is an XHS note link.
///
/// Works for the records of a deleted post or account too: records are
/// history and outlive both.
#[utoipa::path(tag = "accounts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "record id")), request_body = ConfirmInput, responses(
    (status = 200, body = PublishRecord),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "not an XHS note link", body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/records/{id}/confirm")]
pub async fn confirm_record(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<ConfirmInput>,
) -> Result<web::Json<PublishRecord>, ApiError> {
    let id = id.into_inner();
    let row = records::confirm(&state.app, &op, id, &body.0.note_url).await?;
    tracing::info!(record_id = id, operator = %op.name, "publish confirmed");
    Ok(web::Json(row.into()))
}
