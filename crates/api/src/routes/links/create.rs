use crate::auth::Operator;
use crate::dto::link::{Link, LinkInput};
use crate::extract::Json;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpResponse};
use base64::Engine;
use rand::RngCore;
use xhs_domain::{bounded_text, FieldError, ValidationErrors};
use xhs_persistence::{accounts, links, records};

/// A random 256-bit token, URL-safe: unguessable and unrelated to any id.
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Creates a share link for a post, optionally for one account and until a time.
#[utoipa::path(tag = "links", security(("bearer" = [])), params(("id" = i64, Path, description = "post id")), request_body = LinkInput, responses(
    (status = 201, body = Link),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, body = crate::Problem, content_type = "application/problem+json"),
    (status = 404, description = "no such post", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "unknown account, expiry in the past, label too long", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/posts/{id}/links")]
pub async fn create_link(
    state: web::Data<AppState>,
    op: Operator,
    id: web::Path<i64>,
    body: Json<LinkInput>,
) -> Result<HttpResponse, ApiError> {
    let post = crate::routes::posts::load(&state, id.into_inner()).await?;
    let input = body.0;
    let mut errs = ValidationErrors::default();
    let label = errs
        .take(bounded_text(
            "label",
            input.label.as_deref().unwrap_or(""),
            50,
            false,
        ))
        .filter(|l| !l.is_empty());
    let account =
        match input.account_id {
            Some(a) => {
                let found = accounts::find_live(&state.db, a).await?;
                errs.take(found.ok_or_else(|| {
                    FieldError::new("account_id", "exists", format!("no account {a}"))
                }))
            }
            None => None,
        };
    if input.expires_at.is_some_and(|e| e <= chrono::Utc::now()) {
        errs.push(FieldError::new(
            "expires_at",
            "future",
            "expires_at must be in the future",
        ));
    }
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let row = links::create(
        &state.db,
        &links::NewLink {
            token: new_token(),
            post_id: post.id,
            account_id: account.as_ref().map(|a| a.id),
            label,
            expires_at: input.expires_at.map(|e| e.naive_utc()),
        },
    )
    .await?;
    if let Some(a) = &account {
        records::ensure(&state.db, post.id, a.id, row.id).await?;
    }
    tracing::info!(post_id = post.id, link_id = row.id, operator = %op.username, "share link created");
    Ok(HttpResponse::Created().json(Link::new(row, &state.settings.public_url, account.as_ref())))
}
