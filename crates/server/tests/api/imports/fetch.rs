//! `fetch_media=true`: a notes file's media URLs downloaded into the library
//! through the upload's checks, from public addresses only. The "remote"
//! host is a real HTTP server on 127.0.0.1, so the tests that reach it turn
//! `imports.allow_private` on, and the one that must be refused leaves it off.
use super::{problems_of, report, xlsx};
use crate::helpers::{count_rows, spawn_app, spawn_app_with, Options, TestApp};
use actix_web::{web, App, HttpResponse, HttpServer};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use xhs_server::Settings;

/// A host serving `/a.jpg` (a real JPEG), `/moved` (302 to it), `/empty`
/// and `/missing` (404); it counts the requests it gets.
struct Host {
    base: String,
    hits: Arc<AtomicUsize>,
    _server: actix_web::dev::ServerHandle,
}

impl Host {
    async fn start() -> Self {
        let hits = Arc::new(AtomicUsize::new(0));
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let jpeg = web::Bytes::from(crate::media::jpeg(120, 160));
        let counted = hits.clone();
        let server = HttpServer::new(move || {
            let (jpeg, counted) = (jpeg.clone(), counted.clone());
            App::new().default_service(web::to(move |req: actix_web::HttpRequest| {
                counted.fetch_add(1, Ordering::SeqCst);
                let jpeg = jpeg.clone();
                async move {
                    match req.path() {
                        "/a.jpg" => HttpResponse::Ok().content_type("image/jpeg").body(jpeg),
                        "/moved" => HttpResponse::Found()
                            .insert_header(("location", "/a.jpg"))
                            .finish(),
                        "/empty" => HttpResponse::Ok().content_type("image/jpeg").finish(),
                        _ => HttpResponse::NotFound().finish(),
                    }
                }
            }))
        })
        .workers(1)
        .disable_signals()
        .shutdown_timeout(0)
        .listen(listener)
        .unwrap()
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        Self {
            base,
            hits,
            _server: handle,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn private_allowed(s: &mut Settings) {
    s.imports.allow_private = true;
    s.imports.fetch_timeout_ms = 5000;
}

async fn app_allowing_private() -> TestApp {
    spawn_app_with(Options {
        settings: Some(private_allowed),
        ..Options::default()
    })
    .await
}

#[tokio::test]
async fn fetched_media_are_checked_in_a_dry_run_and_stored_as_this_servers_urls_on_commit() {
    let host = Host::start().await;
    let app = app_allowing_private().await;
    let file = xlsx(&[
        &["标题", "正文", "图片", "封面"],
        &["一", "正文", &host.url("/a.jpg"), &host.url("/moved")],
    ]);
    let path = "/api/imports/posts?fetch_media=true";
    let dry = report(&app, path, "n.xlsx", file.clone()).await;
    assert_eq!(dry["problem_rows"], 0, "{dry}");
    assert!(host.hits.load(Ordering::SeqCst) >= 2);
    // A dry run keeps nothing.
    assert_eq!(count_rows(&app.db, "media").await, 0);

    let path = "/api/imports/posts?fetch_media=true&dry_run=false";
    let res = report(&app, path, "n.xlsx", file).await;
    assert_eq!(res["committed"], true, "{res}");
    // The same bytes twice (the redirect leads to the same file): one item.
    assert_eq!(count_rows(&app.db, "media").await, 1);
    let id = res["rows"][0]["post_id"].as_i64().unwrap();
    let post: serde_json::Value = app
        .get(&format!("/api/posts/{id}"))
        .await
        .json()
        .await
        .unwrap();
    let ours = format!("{}/media/", app.address);
    let image = post["image_urls"][0].as_str().unwrap();
    assert!(image.starts_with(&ours), "{post}");
    assert_eq!(post["cover_url"].as_str(), Some(image));
    let served = app.client.get(image).send().await.unwrap();
    assert_eq!(served.status(), 200);
}

#[tokio::test]
async fn a_download_that_fails_is_a_problem_on_its_row_and_column() {
    let host = Host::start().await;
    let app = app_allowing_private().await;
    let file = xlsx(&[
        &["标题", "正文", "图片", "封面"],
        &["一", "正文", &host.url("/a.jpg"), &host.url("/missing")],
        &["二", "正文", &host.url("/empty"), ""],
    ]);
    let path = "/api/imports/posts?fetch_media=true&dry_run=false";
    let res = report(&app, path, "n.xlsx", file).await;
    assert_eq!(res["committed"], false);
    assert_eq!(
        problems_of(&res, 2),
        vec![("封面".to_owned(), "fetchable".to_owned())]
    );
    assert_eq!(
        problems_of(&res, 3),
        vec![("图片".to_owned(), "fetchable".to_owned())]
    );
    let msg = res["rows"][0]["problems"][0]["message"].as_str().unwrap();
    assert!(msg.contains("404"), "{msg}");
    assert_eq!(count_rows(&app.db, "x_post").await, 0);
    assert_eq!(count_rows(&app.db, "media").await, 0);
}

#[tokio::test]
async fn a_private_address_is_not_fetched_unless_allowed() {
    let host = Host::start().await;
    let app = spawn_app().await;
    let file = xlsx(&[
        &["标题", "正文", "图片"],
        &["一", "正文", &host.url("/a.jpg")],
    ]);
    let res = report(&app, "/api/imports/posts?fetch_media=true", "n.xlsx", file).await;
    assert_eq!(
        problems_of(&res, 2),
        vec![("图片".to_owned(), "fetchable".to_owned())]
    );
    let msg = res["rows"][0]["problems"][0]["message"].as_str().unwrap();
    assert!(msg.contains("private address"), "{msg}");
    assert_eq!(host.hits.load(Ordering::SeqCst), 0);
}
