//! A light share page (issue 21, item 5): the built frontend goes out
//! compressed, hashed assets cached for a year and pages checked every time;
//! `favicon.ico` and `robots.txt` are themselves; share pages say `noindex`.
use crate::helpers::{spawn_app_with, Options, TestApp};
use reqwest::header::{CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};
use reqwest::StatusCode;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A script big enough to be worth compressing.
fn script() -> String {
    "console.log('小红书 share page');\n".repeat(400)
}

/// A built frontend, made once per test process.
fn built_frontend() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("xhs-static-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        let page = |name: &str| {
            format!(
                "<!doctype html><title>{name}</title>{}",
                "<p>x</p>".repeat(200)
            )
        };
        std::fs::write(dir.join("index.html"), page("console")).unwrap();
        std::fs::write(dir.join("share.html"), page("share")).unwrap();
        std::fs::write(dir.join("assets/share-3f9a1c2b.js"), script()).unwrap();
        let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../frontend/public");
        for f in ["favicon.ico", "robots.txt"] {
            std::fs::copy(repo.join(f), dir.join(f)).unwrap();
        }
        dir
    })
    .clone()
}

async fn app() -> TestApp {
    spawn_app_with(Options {
        settings: Some(|s| s.server.static_dir = built_frontend()),
        ..Options::default()
    })
    .await
}

async fn get(app: &TestApp, path: &str, encoding: Option<&str>) -> reqwest::Response {
    let mut req = app.client.get(app.url(path));
    if let Some(e) = encoding {
        req = req.header("accept-encoding", e);
    }
    req.send().await.unwrap()
}

fn header(res: &reqwest::Response, name: reqwest::header::HeaderName) -> Option<&str> {
    res.headers().get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn hashed_assets_are_compressed_and_cached_for_a_year_and_pages_are_checked_each_time() {
    let app = app().await;
    let plain = script().len();
    for encoding in ["gzip", "br"] {
        let res = get(&app, "/assets/share-3f9a1c2b.js", Some(encoding)).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header(&res, CONTENT_ENCODING), Some(encoding));
        assert_eq!(
            header(&res, CACHE_CONTROL),
            Some("public, max-age=31536000, immutable")
        );
        let sent = res.bytes().await.unwrap().len();
        assert!(sent * 10 < plain, "{encoding}: {sent} bytes of {plain}");
    }
    let identity = get(&app, "/assets/share-3f9a1c2b.js", None).await;
    assert_eq!(header(&identity, CONTENT_ENCODING), None);
    assert_eq!(identity.bytes().await.unwrap().len(), plain);
    let missing = get(&app, "/assets/gone-00000000.js", Some("gzip")).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        header(&missing, CACHE_CONTROL),
        None,
        "a miss is not cached"
    );

    for path in ["/", "/posts/3/edit", "/s/sometoken"] {
        let res = get(&app, path, Some("gzip, br")).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, CACHE_CONTROL), Some("no-cache"), "{path}");
        assert_eq!(header(&res, CONTENT_ENCODING), Some("br"), "{path}");
    }
}

#[tokio::test]
async fn favicon_and_robots_are_real_files_and_share_pages_say_noindex() {
    let app = app().await;
    let icon = get(&app, "/favicon.ico", None).await;
    assert_eq!(icon.status(), StatusCode::OK);
    assert!(header(&icon, CONTENT_TYPE).unwrap().contains("icon"));
    let bytes = icon.bytes().await.unwrap();
    assert_eq!(
        &bytes[..4],
        &[0, 0, 1, 0],
        "an ICO file, not the console's HTML"
    );

    let robots = get(&app, "/robots.txt", None).await;
    assert!(header(&robots, CONTENT_TYPE)
        .unwrap()
        .starts_with("text/plain"));
    let text = robots.text().await.unwrap();
    assert!(
        text.contains("Disallow: /s/") && !text.contains("<html"),
        "{text}"
    );

    let share = get(&app, "/s/sometoken", None).await;
    assert_eq!(
        share
            .headers()
            .get("x-robots-tag")
            .map(|v| v.to_str().unwrap()),
        Some("noindex")
    );
    let console = get(&app, "/", None).await;
    assert!(console.headers().get("x-robots-tag").is_none());

    // Without a built frontend, robots still read the rules.
    let bare = crate::helpers::spawn_app().await;
    let text = get(&bare, "/robots.txt", None).await.text().await.unwrap();
    assert!(text.contains("Disallow: /s/"), "{text}");
}
