use crate::auth::Acting;
use crate::dto::variant::{Variant, VariantInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{put, web};
use xhs_app::notes::variants;

/// Replaces a variant (its label and every override: a field left out
/// falls back to the note's). The note's version moves on and an approved
/// note goes back to `draft`.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(
    ("id" = i64, Path, description = "post id"),
    ("variant_id" = i64, Path, description = "variant id"),
), request_body = VariantInput, responses(
    (status = 200, body = Variant),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post (`resource: post`) or variant (`resource: variant`)", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a rule broken (the message names the variant), or the label taken (`unique`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[put("/api/posts/{id}/variants/{variant_id}")]
pub async fn update_variant(
    state: web::Data<AppState>,
    op: Acting,
    path: web::Path<(i64, i64)>,
    body: Json<VariantInput>,
) -> Result<web::Json<Variant>, ApiError> {
    let (id, variant_id) = path.into_inner();
    let saved = variants::update(&state.app, &op, id, variant_id, &body.0.fields()).await?;
    Ok(web::Json(saved.into()))
}
