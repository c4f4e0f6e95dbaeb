//! The public face: a content policy on every page, no cache of answers that
//! carry tokens, no upstream detail in public answers, tokens out of the log,
//! log lines nobody can forge, and login decided on the path as routed.
use crate::helpers::{captured_logs, problem, spawn_app, spawn_app_with, Options};
use crate::share::post_with_link;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn pages_and_docs_carry_a_content_policy_that_allows_only_the_sdk_host() {
    let app = spawn_app().await;
    for path in ["/", "/docs/", "/api/posts"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self' https://fe-static.xhscdn.com;"),
            "{path}: {csp}"
        );
        assert!(
            !csp.contains("unsafe-eval")
                && !csp
                    .split("script-src")
                    .nth(1)
                    .unwrap()
                    .split(';')
                    .next()
                    .unwrap()
                    .contains("unsafe-inline"),
            "{path}: {csp}"
        );
    }
}

#[tokio::test]
async fn a_new_link_with_its_token_is_never_cached() {
    let app = spawn_app().await;
    let id = app.create_post(&crate::helpers::valid_post()).await["id"]
        .as_i64()
        .unwrap();
    let res = app
        .post_json(&format!("/api/posts/{id}/links"), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn the_share_page_never_sees_what_xhs_or_the_network_said() {
    let app = spawn_app_with(Options {
        xhs_api_base: Some("http://127.0.0.1:9".into()),
        ..Options::default()
    })
    .await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let res = app
        .client
        .get(app.url(&format!(
            "/api/share/{}/publish",
            link["token"].as_str().unwrap()
        )))
        .send()
        .await
        .unwrap();
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    let (status, p) = problem(res).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::BAD_GATEWAY, Some("xhs_unavailable"))
    );
    let detail = p["detail"].as_str().unwrap();
    assert!(
        !detail.contains("127.0.0.1") && !detail.contains("http") && !detail.contains("refused"),
        "{detail}"
    );
    assert!(
        detail
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "a Chinese message: {detail}"
    );
    let logs = captured_logs();
    assert!(
        logs.lines()
            .any(|l| l.contains(&request_id) && l.contains("127.0.0.1:9")),
        "the cause is logged with the request id"
    );
}

#[tokio::test]
async fn share_tokens_stay_out_of_the_log_and_fields_cannot_forge_lines() {
    let app = spawn_app().await;
    let (_, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    app.client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap();
    app.client
        .get(app.url(&format!("/s/{token}")))
        .send()
        .await
        .unwrap();
    // Its first payload fetches the XHS token: a line logged inside the
    // request's span, so the (redacted) target is in the log even when this
    // test runs alone.
    app.client
        .get(app.url(&format!("/api/share/{token}/publish")))
        .send()
        .await
        .unwrap();
    let forged = "eve\n2026-11-23T00:00:00Z  INFO operator logged in username=admin";
    app.login(forged, "wrong").await;
    let logs = captured_logs();
    assert!(!logs.contains(token), "a share token reached the log");
    assert!(
        logs.contains("/api/share/[token]"),
        "the redacted target is logged"
    );
    assert!(
        !logs.lines().any(|l| l.starts_with("2026-11-23T00:00:00Z")),
        "a forged line"
    );
    assert!(logs.contains("eve\\n2026-11-23"), "the newline is escaped");
}

#[tokio::test]
async fn an_encoded_path_needs_the_same_login_as_the_plain_one() {
    let app = spawn_app().await;
    for path in [
        "/%61pi/auth/me",
        "/api/%61uth/me",
        "/api/posts%2F1",
        "/%61pi/posts",
    ] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        let (status, _) = problem(res).await;
        assert!(
            status == StatusCode::UNAUTHORIZED || status == StatusCode::NOT_FOUND,
            "{path}: {status}"
        );
    }
    let res = app
        .client
        .get(app.url("/%61pi/auth/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .client
        .get(app.url("/%61pi/auth/me"))
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "with a token the routed endpoint answers"
    );
}
