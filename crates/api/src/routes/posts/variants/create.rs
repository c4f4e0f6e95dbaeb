use crate::auth::Acting;
use crate::dto::variant::{Variant, VariantInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::notes::variants;

/// Adds a variant after the note's last one. The note's version moves on
/// (the new version keeps the variants) and an approved note goes back to
/// `draft`.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), request_body = VariantInput, responses(
    (status = 201, body = Variant),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a rule broken (the message names the variant), or the label taken (`unique`)", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/variants")]
pub async fn create_variant(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<VariantInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let saved = variants::create(&state.app, &op, id, &body.0.fields()).await?;
    let location = format!("/api/posts/{id}/variants/{}", saved.variant.id);
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, location))
        .json(Variant::from(saved)))
}
