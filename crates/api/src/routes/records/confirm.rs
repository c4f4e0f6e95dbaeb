use crate::auth::Operator;
use crate::dto::account::{ConfirmInput, PublishRecord};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_persistence::records;

/// Confirms a publish with the note's URL (pasted back by the operator); the
/// server checks it is an XHS note link.
#[utoipa::path(tag = "accounts", security(("bearer" = [])), params(("id" = i64, Path, description = "record id")), request_body = ConfirmInput, responses(
    (status = 200, body = PublishRecord),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "not an XHS note link", body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/records/{id}/confirm")]
pub async fn confirm_record(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
    body: Json<ConfirmInput>,
) -> Result<web::Json<PublishRecord>, ApiError> {
    let note_url = xhs_domain::parse_note_url(&body.0.note_url)
        .map_err(|e| xhs_domain::ValidationErrors(vec![e]))?;
    let row = records::find(&state.db, id.into_inner())
        .await?
        .ok_or(ApiError::NotFound("record"))?;
    let row = records::set_status(&state.db, row, "published", None, Some(note_url)).await?;
    Ok(web::Json(row.into()))
}
