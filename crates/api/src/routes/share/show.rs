use crate::dto::post::Post;
use crate::dto::share::SharePage;
use crate::{ApiError, AppState};
use actix_web::{get, web};

/// What the share page shows: the note, the link's label and account.
#[utoipa::path(tag = "share", params(("token" = String, Path, description = "link token")), responses(
    (status = 200, body = SharePage),
    (status = 404, description = "unknown token", body = crate::Problem, content_type = "application/problem+json"),
    (status = 410, description = "`link_revoked`, `link_expired` or `post_deleted`", body = crate::Problem, content_type = "application/problem+json"),
))]
#[get("/api/share/{token}")]
pub async fn show_share(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<web::Json<SharePage>, ApiError> {
    let (link, post) = super::resolve(&state, &token).await?;
    let account = match link.account_id {
        Some(a) => xhs_persistence::accounts::find(&state.db, a).await?,
        None => None,
    };
    let post = Post::from(post);
    Ok(web::Json(SharePage {
        post_type: post.post_type,
        title: post.title,
        content: post.content,
        image_urls: post.image_urls,
        cover_url: post.cover_url,
        video_url: post.video_url,
        label: link.label,
        account_name: account.map(|a| a.nickname.unwrap_or(a.name)),
        expires_at: link.expires_at.map(crate::dto::post::utc),
        xhs_configured: state.signer.is_configured(),
    }))
}
