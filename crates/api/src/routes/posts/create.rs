use crate::auth::Operator;
use crate::dto::post::{fields, Post, PostInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{http::header, post, web, HttpResponse};
use xhs_domain::PostDraft;
use xhs_persistence::posts;

/// Creates a draft after checking it against XHS's rules.
#[utoipa::path(tag = "posts", security(("bearer" = [])), request_body = PostInput, responses(
    (status = 201, body = Post),
    (status = 400, description = "malformed JSON or a wrong type", body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a rule is broken; every failing field is listed", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts")]
pub async fn create_post(
    state: web::Data<AppState>,
    op: Operator,
    body: Json<PostInput>,
) -> Result<HttpResponse, ApiError> {
    let draft = PostDraft::parse(&body.0.raw())?;
    let row = posts::create(&state.db, &fields(&draft)).await?;
    tracing::info!(post_id = row.id, operator = %op.username, "post created");
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/posts/{}", row.id)))
        .json(Post::from(row)))
}
