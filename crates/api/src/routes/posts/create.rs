use crate::auth::Acting;
use crate::dto::post::{Post, PostInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{http::header, post, web, HttpResponse};
use xhs_app::notes::posts;

/// Creates a draft after checking it against XHS's rules.
#[utoipa::path(tag = "posts", security(("bearer" = ["operator"])), request_body = PostInput, responses(
    (status = 201, body = Post),
    (status = 400, description = "malformed JSON or a wrong type", body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "a rule is broken; every failing field is listed", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts")]
pub async fn create_post(
    state: web::Data<AppState>,
    op: Acting,
    body: Json<PostInput>,
) -> Result<HttpResponse, ApiError> {
    let post = posts::create(&state.app, &op, &body.0.raw()).await?;
    tracing::info!(post_id = post.id, operator = %op.name, "post created");
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/posts/{}", post.id)))
        .json(Post::from(post)))
}
