use crate::auth::Acting;
use crate::dto::link::{Link, LinkInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use xhs_app::links::manage as links;

/// Creates a share link for a post, optionally for one account and until a time.
#[utoipa::path(tag = "links", security(("bearer" = ["operator"])), params(("id" = i64, Path, description = "post id")), request_body = LinkInput, responses(
    (status = 201, body = Link),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post", body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`post_not_approved`: approval is on and the note is not approved; `review_status` says where it is", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "unknown account, expiry in the past, label too long, `variant_id` not a variant of this note", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/links")]
pub async fn create_link(
    state: web::Data<AppState>,
    op: Acting,
    id: web::Path<i64>,
    body: Json<LinkInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.0;
    let link = links::create(
        &state.app,
        &op,
        id.into_inner(),
        links::NewLinkInput {
            label: input.label,
            account_id: input.account_id,
            expires_at: input.expires_at,
            not_before: input.not_before,
            platforms: input.platforms,
            variant_id: input.variant_id,
        },
    )
    .await?;
    tracing::info!(post_id = link.stored.post_id, link_id = link.stored.id, operator = %op.name, "share link created");
    // The answer carries the link's token: no cache may keep it.
    let res = HttpResponse::Created()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(Link::from(link));
    Ok(res)
}
