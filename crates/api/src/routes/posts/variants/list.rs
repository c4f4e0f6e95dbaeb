use crate::auth::Operator;
use crate::dto::variant::{Variant, VariantList};
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::notes::variants;

/// The variants of a note, in order, with the note's current version.
#[utoipa::path(tag = "posts", security(("bearer" = ["viewer"])), params(("id" = i64, Path, description = "post id")), responses(
    (status = 200, body = VariantList),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/posts/{id}/variants")]
pub async fn list_variants(
    state: web::Data<AppState>,
    _op: Operator,
    id: web::Path<i64>,
) -> Result<web::Json<VariantList>, ApiError> {
    let (rows, post_version) = variants::list(&state.app, id.into_inner()).await?;
    Ok(web::Json(VariantList {
        items: rows
            .into_iter()
            .map(|v| Variant::new(v, post_version))
            .collect(),
        post_version,
    }))
}
