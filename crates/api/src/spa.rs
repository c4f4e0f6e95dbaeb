//! Serves the built frontend: assets as files, the share page for `/p/*` and
//! `/s/*`, the console for every other page path (SPA fallback).
use crate::ApiError;
use actix_files::NamedFile;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use std::path::Path;

/// Files of the built frontend's root that are served as themselves.
const ROOT_FILES: [&str; 2] = ["favicon.ico", "robots.txt"];

/// What robots read when the frontend is not built: share pages are not
/// for search engines (each is one person's hand-off).
const ROBOTS_TXT: &str = "User-agent: *\nDisallow: /s/\nDisallow: /p/\nDisallow: /api/\n";

/// Hashed build output: a changed file gets a new name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

fn page_for(path: &str) -> Option<&'static str> {
    let reserved = ["/api/", "/api-docs/", "/docs", "/media/", "/assets/"];
    if reserved.iter().any(|p| path.starts_with(p)) || path == "/api" {
        return None;
    }
    if let Some(file) = ROOT_FILES
        .iter()
        .find(|f| path.strip_prefix('/') == Some(**f))
    {
        return Some(file);
    }
    if is_share_page(path) {
        Some("share.html")
    } else {
        Some("index.html")
    }
}

fn is_share_page(path: &str) -> bool {
    path.starts_with("/p/") || path.starts_with("/s/")
}

/// Hashed assets are cached for a year; a page is checked every time (it
/// names the assets of the current build).
pub async fn cache_assets(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    if res.status().is_success() {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static(IMMUTABLE),
        );
    }
    Ok(res)
}

/// The default service: 405 for a known path's other methods, else an SPA
/// page (when the frontend is built), else a problem+json 404.
pub async fn fallback(req: HttpRequest, static_dir: Option<&Path>) -> HttpResponse {
    let routed = req.match_info().as_str();
    let known = req.app_data::<actix_web::web::Data<crate::route_table::RouteTable>>();
    if let Some(e) = known.and_then(|r| r.method_not_allowed(req.method(), routed)) {
        return actix_web::ResponseError::error_response(&e);
    }
    let is_get = req.method() == actix_web::http::Method::GET
        || req.method() == actix_web::http::Method::HEAD;
    let page = page_for(routed).filter(|_| is_get);
    let file = match (page, static_dir) {
        (Some(page), Some(dir)) => open(dir, page).await,
        _ => None,
    };
    match (file, page) {
        (Some(f), _) => {
            let mut res = f.use_etag(true).into_response(&req);
            let h = res.headers_mut();
            h.insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-cache"),
            );
            if is_share_page(routed) {
                h.insert(
                    header::HeaderName::from_static("x-robots-tag"),
                    header::HeaderValue::from_static("noindex"),
                );
            }
            res
        }
        (None, Some("robots.txt")) => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .body(ROBOTS_TXT),
        _ => {
            actix_web::ResponseError::error_response(&ApiError::NotFound(xhs_app::Resource::Route))
        }
    }
}

async fn open(dir: &Path, page: &str) -> Option<NamedFile> {
    NamedFile::open_async(dir.join(page)).await.ok()
}

/// A tiny page when the frontend is not built, so `/` says what to do.
pub fn not_built() -> HttpResponse {
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(
        "<!doctype html><meta charset=utf-8><title>xhs-publisher</title><p>The API runs. The console is not built: run <code>npm ci &amp;&amp; npm run build</code> in <code>frontend/</code>. API docs: <a href=/docs/>/docs/</a>.</p>",
    )
}

#[cfg(test)]
mod tests {
    use super::page_for;

    #[test]
    fn share_paths_get_the_share_page_and_api_paths_none() {
        assert_eq!(page_for("/p/12"), Some("share.html"));
        assert_eq!(page_for("/s/abc"), Some("share.html"));
        assert_eq!(page_for("/posts/3/edit"), Some("index.html"));
        assert_eq!(page_for("/api/nothing"), None);
        assert_eq!(page_for("/assets/missing.js"), None);
        assert_eq!(page_for("/favicon.ico"), Some("favicon.ico"));
        assert_eq!(page_for("/robots.txt"), Some("robots.txt"));
        assert_eq!(page_for("/s/robots.txt"), Some("share.html"));
    }
}
