//! One input discipline on SQLite, MariaDB and PostgreSQL alike: the same bad
//! input gets the same 4xx naming the field and the rule, never a 500 and
//! never a value stored differently per backend.
use crate::helpers::{count_rows, problem, spawn_app, valid_post, TestApp};
use crate::share::post_with_link;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// One probe: what is sent, and the status, field and rule expected back.
struct Probe {
    name: &'static str,
    method: Method,
    /// `{post}` and `{token}` are replaced by a live post id and link token.
    path: String,
    body: Option<Value>,
    /// Sent with the operator's token.
    operator: bool,
    status: StatusCode,
    field: Option<&'static str>,
    rule: Option<&'static str>,
}

fn probe(name: &'static str, method: Method, path: &str, body: Option<Value>) -> Probe {
    Probe {
        name,
        method,
        path: path.to_owned(),
        body,
        operator: true,
        status: StatusCode::UNPROCESSABLE_ENTITY,
        field: None,
        rule: None,
    }
}

impl Probe {
    fn expect(mut self, status: StatusCode, field: &'static str, rule: &'static str) -> Self {
        self.status = status;
        self.field = Some(field);
        self.rule = Some(rule);
        self
    }
    fn public(mut self) -> Self {
        self.operator = false;
        self
    }
}

fn post_with(field: &str, value: Value) -> Value {
    let mut p = valid_post();
    p[field] = value;
    p
}

fn probes() -> Vec<Probe> {
    use Method as M;
    let nul = "a\u{0}b";
    let long_url = format!("https://img.example.com/{}", "x".repeat(4000));
    let url_501 = format!("https://img.example.com/{}.jpg", "x".repeat(473));
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    vec![
        probe("login username with NUL", M::POST, "/api/auth/login", Some(json!({"username": nul, "password": "x"})))
            .public()
            .expect(unprocessable, "username", "control_character"),
        probe("login password of 2000 characters", M::POST, "/api/auth/login", Some(json!({"username": "admin", "password": "p".repeat(2000)})))
            .public()
            .expect(unprocessable, "password", "max_chars"),
        probe("share event reason with NUL", M::POST, "/api/share/{token}/events", Some(json!({"kind": "sdk_failed", "reason": nul})))
            .public()
            .expect(unprocessable, "reason", "control_character"),
        probe("share event kind with ESC", M::POST, "/api/share/{token}/events", Some(json!({"kind": "opened\u{1b}"})))
            .public()
            .expect(unprocessable, "kind", "control_character"),
        probe("title with NUL", M::POST, "/api/posts", Some(post_with("title", json!(nul))))
            .expect(unprocessable, "title", "control_character"),
        probe("image URL with NUL", M::POST, "/api/posts", Some(post_with("image_urls", json!(["https://a.example.com/1.jpg", nul]))))
            .expect(unprocessable, "image_urls[1]", "control_character"),
        probe("post update content with NUL", M::PUT, "/api/posts/{post}", Some(json!({"type": "normal", "content": nul, "image_urls": ["https://a.example.com/1.jpg"], "version": 1})))
            .expect(unprocessable, "content", "control_character"),
        probe("account name with NUL", M::POST, "/api/accounts", Some(json!({"name": nul, "kind": "brand"})))
            .expect(unprocessable, "name", "control_character"),
        probe("link label with NUL", M::POST, "/api/posts/{post}/links", Some(json!({"label": nul})))
            .expect(unprocessable, "label", "control_character"),
        probe("search text with NUL", M::GET, "/api/posts?q=a%00b", None)
            .expect(unprocessable, "q", "control_character"),
        probe("search text of 101 characters", M::GET, &format!("/api/posts?q={}", "q".repeat(101)), None)
            .expect(unprocessable, "q", "max_chars"),
        probe("cover URL over 2048 characters", M::POST, "/api/posts", Some(post_with("cover_url", json!(long_url))))
            .expect(unprocessable, "cover_url", "max_chars"),
        probe("video URL over 2048 characters", M::POST, "/api/posts", Some(json!({"type": "video", "video_url": long_url})))
            .expect(unprocessable, "video_url", "max_chars"),
        probe("18 image URLs of 4000 characters", M::POST, "/api/posts", Some(post_with("image_urls", json!(vec![long_url.clone(); 18]))))
            .expect(unprocessable, "image_urls[0]", "max_chars"),
        probe("note URL over 500 characters", M::POST, "/api/share/{token}/confirm", Some(json!({"note_url": format!("https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1?x={}", "y".repeat(500))})))
            .public()
            .expect(unprocessable, "note_url", "max_chars"),
        probe("expiry in the year 10000", M::POST, "/api/posts/{post}/links", Some(json!({"expires_at": "+10000-01-01T00:00:00Z"})))
            .expect(unprocessable, "expires_at", "range"),
        probe("a 501-character cover URL is stored whole", M::POST, "/api/posts", Some(post_with("cover_url", json!(url_501))))
            .expect(StatusCode::CREATED, "", ""),
    ]
}

async fn send(app: &TestApp, p: &Probe, post: i64, token: &str) -> reqwest::Response {
    let path = p
        .path
        .replace("{post}", &post.to_string())
        .replace("{token}", token);
    let mut req = app.client.request(p.method.clone(), app.url(&path));
    if p.operator {
        req = req.bearer_auth(&app.token);
    }
    if let Some(body) = &p.body {
        req = req.json(body);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn the_same_bad_input_gets_the_same_4xx_on_every_backend() {
    let app = spawn_app().await;
    let (post, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    for p in probes() {
        let res = send(&app, &p, post, token).await;
        let status = res.status();
        assert_eq!(
            status,
            p.status,
            "{}: {}",
            p.name,
            res.text().await.unwrap()
        );
        if status == StatusCode::CREATED {
            let stored: Value = res.json().await.unwrap();
            assert_eq!(
                stored["cover_url"].as_str().map(str::len),
                Some(501),
                "{}",
                p.name
            );
            continue;
        }
        let (_, body) = problem(res).await;
        if let (Some(field), Some(rule)) = (p.field.filter(|f| !f.is_empty()), p.rule) {
            let errors = body["errors"].as_array().cloned().unwrap_or_default();
            assert!(
                errors
                    .iter()
                    .any(|e| e["field"] == field && e["rule"] == rule),
                "{}: expected {field}/{rule} in {body}",
                p.name
            );
        }
    }
    assert_eq!(
        count_rows(&app.db, "x_post").await,
        2,
        "only the valid posts were stored"
    );
    assert_eq!(
        count_rows(&app.db, "share_event").await,
        0,
        "no bad event was stored"
    );
}

#[tokio::test]
async fn a_chunked_body_over_the_public_limit_is_413() {
    let app = spawn_app().await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let url = app.url(&format!(
        "/api/share/{}/events",
        link["token"].as_str().unwrap()
    ));
    let big = format!(
        r#"{{"kind": "opened", "reason": "{}"}}"#,
        "x".repeat(250 * 1024)
    );
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = big
        .into_bytes()
        .chunks(8192)
        .map(|c| Ok(c.to_vec()))
        .collect();
    let res = app
        .client
        .post(url)
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .unwrap();
    let (status, p) = problem(res).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large"))
    );
    assert_eq!(count_rows(&app.db, "share_event").await, 0);
}
