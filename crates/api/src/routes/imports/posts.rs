use crate::auth::Acting;
use crate::dto::import::{ImportForm, PostImportQuery, PostImportReport};
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpRequest, HttpResponse};
use xhs_app::imports::posts;

/// Imports notes from a spreadsheet (multipart field `file`; columns 标题/title,
/// 正文/content, 类型/type, 图片/images, 封面/cover, 视频/video, 变体/variant,
/// 分组/group). Every row is checked with the editor's rules and answered
/// with its number as Excel shows it, the note it created or would create,
/// and each problem (column, rule, limit). A dry run (the default) writes
/// nothing; a commit writes in one transaction with one audit entry:
/// `all_or_nothing` writes nothing when any row has a problem (`committed`
/// false). A 变体 row is a variant of the note of the rows above it (the
/// nearest row without a label): its non-empty cells override that note's
/// title, body, images and cover, checked by the variants' pre-flight, and
/// it is written with its note in the same transaction. The 分组 column is
/// read but not stored (a warning says so once; campaigns choose groups).
/// With `fetch_media=true` the media URLs are downloaded into the library.
#[utoipa::path(tag = "imports", security(("bearer" = ["operator"])), params(PostImportQuery),
    request_body(content_type = "multipart/form-data", content = ImportForm),
    responses(
    (status = 200, description = "every row with its problems; `committed` says whether anything was written", body = PostImportReport),
    (status = 400, description = "not multipart, or no `file` field", body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 413, description = "larger than 10 MiB", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "the file cannot be imported (`file`: not a spreadsheet, no header row, more than 5 000 rows, a formula, a zip bomb), or a commit refused by a row (`rows[N].field`); nothing was written", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/imports/posts")]
pub async fn import_posts(
    state: web::Data<AppState>,
    op: Acting,
    req: HttpRequest,
    q: web::Query<PostImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let bytes = match super::receive(&req, payload).await {
        Ok(b) => b,
        Err(res) => return Ok(res),
    };
    let report = posts::import(&state.app, &op, &bytes, q.options()).await?;
    tracing::info!(rows = report.rows.len(), committed = report.committed, created = report.created(), operator = %op.name, "notes imported");
    Ok(HttpResponse::Ok().json(PostImportReport::from(report)))
}
