use crate::auth::Acting;
use crate::{ApiError, AppState};
use actix_web::{get, web, HttpResponse};
use xhs_app::imports::template;

/// The notes template: the header row, one example row, and a second sheet
/// (说明) explaining each column and its rules in Chinese.
#[utoipa::path(tag = "imports", security(("bearer" = ["operator"])), responses(
    (status = 200, description = "an .xlsx workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = crate::dto::BinaryFile),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/imports/posts/template.xlsx")]
pub async fn posts_template(
    _state: web::Data<AppState>,
    _op: Acting,
) -> Result<HttpResponse, ApiError> {
    Ok(super::xlsx(template::posts()?, "notes-template.xlsx"))
}
