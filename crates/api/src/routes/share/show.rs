use crate::dto::share::SharePage;
use crate::{ApiError, AppState};
use actix_web::{get, web};
use xhs_app::links::public as share;

/// What the share page shows: the note, the link's label and account.
#[utoipa::path(tag = "share", params(("token" = String, Path, description = "link token")), responses(
    (status = 200, body = SharePage),
    (status = 404, description = "unknown token", body = crate::Problem, content_type = "application/problem+json"),
    (status = 409, description = "`post_not_approved`: approval is on and the note is not approved; `review_status` says where it is", body = crate::Problem, content_type = "application/problem+json"),
    (status = 410, description = "`link_revoked`, `link_expired` or `post_deleted`", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/share/{token}")]
pub async fn show_share(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<web::Json<SharePage>, ApiError> {
    Ok(web::Json(share::page(&state.app, &token).await?.into()))
}
