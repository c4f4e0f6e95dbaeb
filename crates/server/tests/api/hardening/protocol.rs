//! HTTP as a client expects it: 405 with `Allow` for a method a path lacks,
//! HEAD wherever GET works, and every error as problem+json, actix's own too.
use crate::helpers::{problem, spawn_app};
use reqwest::{Method, StatusCode};

#[tokio::test]
async fn a_method_the_path_lacks_is_405_naming_the_allowed_ones() {
    let app = spawn_app().await;
    for (method, path) in [
        (Method::PATCH, "/api/posts/1"),
        (Method::TRACE, "/api/posts"),
        (Method::DELETE, "/api/auth/login"),
        (Method::PUT, "/api/share/sometoken/publish"),
    ] {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .bearer_auth(&app.token)
            .send()
            .await
            .unwrap();
        let allow = res
            .headers()
            .get("allow")
            .map(|v| v.to_str().unwrap().to_owned());
        let (status, p) = problem(res).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (StatusCode::METHOD_NOT_ALLOWED, Some("method_not_allowed")),
            "{method} {path}"
        );
        let allow = allow.unwrap_or_default();
        assert!(
            !allow.contains(method.as_str()) && !allow.is_empty(),
            "{method} {path}: Allow {allow}"
        );
    }
    let res = app
        .client
        .patch(app.url("/api/posts/1"))
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["allow"], "GET, HEAD, PUT, DELETE, OPTIONS");
    let (status, _) = problem(
        app.client
            .request(Method::TRACE, app.url("/nowhere"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an unknown path stays 404");
}

#[tokio::test]
async fn head_answers_wherever_get_does_with_the_same_headers_and_no_body() {
    let app = spawn_app().await;
    for path in [
        "/healthz",
        "/readyz",
        "/api/posts",
        "/api-docs/openapi.json",
        "/docs/",
    ] {
        let get = app
            .client
            .get(app.url(path))
            .bearer_auth(&app.token)
            .send()
            .await
            .unwrap();
        let head = app
            .client
            .head(app.url(path))
            .bearer_auth(&app.token)
            .send()
            .await
            .unwrap();
        assert_eq!(head.status(), get.status(), "{path}");
        assert_eq!(
            head.headers().get("content-type"),
            get.headers().get("content-type"),
            "{path}"
        );
        assert!(head.bytes().await.unwrap().is_empty(), "{path}");
    }
    let head = app.client.head(app.url("/api/posts")).send().await.unwrap();
    assert_eq!(
        head.status(),
        StatusCode::UNAUTHORIZED,
        "HEAD needs the same login as GET"
    );
}

#[tokio::test]
async fn errors_raised_by_the_framework_are_problem_json_too() {
    let app = spawn_app().await;
    let cases = [
        app.client
            .get(app.url("/api/posts/not-a-number"))
            .bearer_auth(&app.token)
            .send()
            .await
            .unwrap(),
        app.client
            .get(app.url("/api/posts?limit=many"))
            .bearer_auth(&app.token)
            .send()
            .await
            .unwrap(),
        app.client
            .post(app.url("/api/posts"))
            .bearer_auth(&app.token)
            .header("content-type", "application/json")
            .body("{")
            .send()
            .await
            .unwrap(),
        app.client
            .get(app.url("/no/such/page"))
            .send()
            .await
            .unwrap(),
        app.client
            .get(app.url("/api-docs/nothing"))
            .send()
            .await
            .unwrap(),
        app.client
            .post(app.url("/api/media"))
            .bearer_auth(&app.token)
            .header("content-type", "text/plain")
            .body("x")
            .send()
            .await
            .unwrap(),
    ];
    for res in cases {
        let url = res.url().to_string();
        let (status, p) = problem(res).await;
        assert!(status.is_client_error(), "{url}: {status}");
        assert_eq!(
            p["status"].as_u64(),
            Some(u64::from(status.as_u16())),
            "{url}"
        );
        assert!(
            p["code"].is_string() && p["detail"].is_string(),
            "{url}: {p}"
        );
    }
}
