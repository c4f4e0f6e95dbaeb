//! The HTTP layer of xhs-publisher: routes, DTOs, errors, auth and the OpenAPI
//! document. `build_server` is what the binary and the black-box tests start.

mod auth;
mod client_ip;
mod download;
mod dto;
mod error;
mod extract;
mod monitoring;
mod openapi;
mod problems;
mod ratelimit;
mod route_table;
mod routes;
mod routing;
mod shared_logins;
mod shared_redis;
mod spa;
mod state;
mod telemetry;
mod unread;
mod webhook_doc;

pub use error::{ApiError, ErrorCode, Problem};
pub use monitoring::scrape::MetricsSettings;
pub use shared_logins::RedisLogins;
pub use shared_redis::RedisGeneration;
pub use state::{ApiSettings, AppState, RedisSettings, ShareSettings};

use actix_cors::Cors;
use actix_web::dev::{Server, Service};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{web, App, HttpMessage, HttpServer};
use std::net::TcpListener;
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

/// The OpenAPI document as the code declares it.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(openapi::ApiDoc::openapi())
        .configure(routes::configure)
        .split_for_parts();
    utoipa::Modify::modify(&openapi::MalformedRequests, &mut doc);
    utoipa::Modify::modify(&openapi::TextDiscipline, &mut doc);
    utoipa::Modify::modify(&openapi::RoleRefusals, &mut doc);
    utoipa::Modify::modify(&openapi::PublicAndServers, &mut doc);
    utoipa::Modify::modify(&webhook_doc::WebhooksSection, &mut doc);
    doc
}

/// Where the served document is (the console's docs page loads it).
const OPENAPI_JSON_PATH: &str = "/api-docs/openapi.json";

/// The document, serialized once at start.
struct OpenApiJson(web::Bytes);

async fn serve_openapi(doc: web::Data<OpenApiJson>) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(doc.0.clone())
}

/// The document as committed in `openapi/openapi.json` (pretty, trailing newline).
pub fn openapi_json() -> String {
    let mut s = openapi().to_pretty_json().unwrap_or_default();
    s.push('\n');
    s
}

/// What pages may load: scripts from this server and the XHS share SDK's
/// host only, no inline script, no plugins, no framing. Note images and videos
/// live on any http(s) host the operator chose, so media may come from
/// anywhere; inline styles are allowed (Vue, Swagger UI and the share page's
/// loading text set them; a style cannot run code).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
    script-src 'self' https://fe-static.xhscdn.com; \
    style-src 'self' 'unsafe-inline'; \
    img-src 'self' data: blob: https: http:; \
    media-src 'self' blob: https: http:; \
    connect-src 'self'; font-src 'self' data:; object-src 'none'; \
    base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Headers every response carries: no MIME sniffing, no framing by other
/// sites (clickjacking), no full URLs (which may hold share tokens) in
/// Referer, and the content policy of the pages.
fn security_headers() -> actix_web::middleware::DefaultHeaders {
    actix_web::middleware::DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
}

fn cors(origins: &[String]) -> Cors {
    origins.iter().fold(
        Cors::default()
            .allow_any_method()
            .allow_any_header()
            .expose_headers(["x-request-id", "location"])
            .max_age(3600),
        |c, o| c.allowed_origin(o),
    )
}

/// Starts serving on `listener` (port 0 in tests).
pub fn build_server(state: web::Data<AppState>, listener: TcpListener) -> std::io::Result<Server> {
    let limits = ratelimit::ShareLimits::new(&state.settings.share)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let limits = web::Data::new(limits);
    // Built once: every worker serves this very document, the one committed
    // in openapi/openapi.json (a test compares them).
    let doc = openapi();
    let routes = web::Data::new(route_table::RouteTable::from_doc(&doc));
    // Installed before the first request, so every counter of the process
    // (requests, deliveries, token fetches) reaches the one recorder.
    monitoring::handle();
    let requests = std::sync::Arc::new(monitoring::requests::RequestMetrics::from_doc(&doc));
    // Serialized once and shared by the workers (each held its own copy of
    // the document before, and serialized it per request).
    let doc_json = web::Data::new(OpenApiJson(web::Bytes::from(
        doc.to_json().unwrap_or_default(),
    )));
    drop(doc);
    let sweeper = limits.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            sweeper.forget_idle();
        }
    });
    let server = HttpServer::new(move || {
        let requests = requests.clone();
        let static_dir = state
            .settings
            .static_dir
            .clone()
            .filter(|d| d.join("index.html").exists());
        let app = App::new()
            .app_data(state.clone())
            .app_data(limits.clone())
            .app_data(routes.clone())
            .app_data(web::PathConfig::default().error_handler(extract::path_error))
            .app_data(web::QueryConfig::default().error_handler(extract::query_error))
            .app_data(web::PayloadConfig::new(extract::MAX_JSON_BYTES))
            .configure(routes::configure_app);
        let app = app
            .app_data(doc_json.clone())
            .route(OPENAPI_JSON_PATH, web::get().to(serve_openapi))
            .service(
                SwaggerUi::new("/docs/{_:.*}")
                    .config(utoipa_swagger_ui::Config::from(OPENAPI_JSON_PATH)),
            )
            .route("/metrics", web::get().to(monitoring::scrape::scrape))
            .route(
                "/docs",
                web::get().to(|| async {
                    actix_web::HttpResponse::PermanentRedirect()
                        .insert_header((actix_web::http::header::LOCATION, "/docs/"))
                        .finish()
                }),
            )
            .wrap(actix_web::middleware::from_fn(
                routing::reject_control_characters,
            ))
            .wrap(actix_web::middleware::from_fn(auth::require_operator))
            .wrap(cors(&state.settings.cors_origins))
            .wrap(actix_web::middleware::from_fn(routing::head_as_get))
            .wrap(problems::handlers())
            .wrap_fn(|req, srv| {
                let id = req.extensions().get::<RequestId>().map(|r| r.to_string());
                let fut = srv.call(req);
                async move {
                    let mut res = fut.await?;
                    if let Some(v) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
                        res.headers_mut()
                            .insert(HeaderName::from_static("x-request-id"), v);
                    }
                    Ok(res)
                }
            })
            // gzip or brotli as the client accepts; images and video as they are.
            .wrap(actix_web::middleware::Compress::default())
            .wrap(security_headers())
            .wrap_fn(move |req, srv| {
                let started = monitoring::requests::Started::now(&req);
                let fut = srv.call(req);
                let requests = requests.clone();
                async move {
                    let res = fut.await;
                    requests.record(started, &res);
                    res
                }
            })
            .wrap(TracingLogger::<telemetry::RedactedSpans>::new());
        let app = match static_dir {
            Some(dir) => app
                .service(
                    web::scope("/assets")
                        .wrap(actix_web::middleware::from_fn(spa::cache_assets))
                        .service(actix_files::Files::new("", dir.join("assets")).use_etag(true)),
                )
                .default_service(web::to(
                    // Re-read per request: the frontend can be rebuilt while the server runs.
                    move |req: actix_web::HttpRequest| {
                        let dir = dir.clone();
                        async move { spa::fallback(req, Some(&dir)).await }
                    },
                )),
            None => app
                .route("/", web::get().to(|| async { spa::not_built() }))
                .default_service(web::to(|req: actix_web::HttpRequest| async move {
                    spa::fallback(req, None).await
                })),
        };
        app
    })
    // A streamed body (files) goes out in more than one write; with Nagle on,
    // a keep-alive client's delayed ACK held each response ~40 ms (BENCHMARKS.md).
    .tcp_nodelay(true)
    // SIGTERM is the caller's: actix's own handling stops the accept thread and
    // the workers together, dropping connections accepted but not yet started
    // (xhs-server's `shutdown.rs` stops them in order).
    .disable_signals()
    .listen(listener)?
    .run();
    Ok(server)
}
