//! Serves the built frontend: assets as files, the share page for `/p/*` and
//! `/s/*`, the console for every other page path (SPA fallback).
use crate::ApiError;
use actix_files::NamedFile;
use actix_web::{HttpRequest, HttpResponse};
use std::path::Path;

fn page_for(path: &str) -> Option<&'static str> {
    let reserved = ["/api/", "/api-docs/", "/docs", "/media/", "/assets/"];
    if reserved.iter().any(|p| path.starts_with(p)) || path == "/api" {
        return None;
    }
    if path.starts_with("/p/") || path.starts_with("/s/") {
        Some("share.html")
    } else {
        Some("index.html")
    }
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
    let file = match (page_for(routed).filter(|_| is_get), static_dir) {
        (Some(page), Some(dir)) => open(dir, page).await,
        _ => None,
    };
    match file {
        Some(f) => f.use_etag(true).into_response(&req),
        None => {
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
    }
}
