use crate::helpers::{problem, spawn_app};
use reqwest::StatusCode;

#[tokio::test]
async fn responses_carry_a_request_id() {
    let app = spawn_app().await;
    let res = app.get("/api/posts").await;
    assert!(res.headers().get("x-request-id").is_some());
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.headers()["x-frame-options"], "DENY");
    let unauthorized = app.client.get(app.url("/api/posts")).send().await.unwrap();
    assert_eq!(
        unauthorized.headers()["x-frame-options"],
        "DENY",
        "error answers too"
    );
}

#[tokio::test]
async fn health_and_readiness_answer_and_the_document_is_served() {
    let app = spawn_app().await;
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.client
            .get(app.url("/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let doc: serde_json::Value = app
        .client
        .get(app.url("/api-docs/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["paths"]["/api/posts"].is_object());
    let docs = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), StatusCode::OK);
    let html = docs.text().await.unwrap();
    assert!(
        html.contains("swagger") && !html.contains("cdn"),
        "the interactive docs are served from the binary"
    );
}

#[tokio::test]
async fn an_unknown_api_path_is_a_problem_404() {
    let app = spawn_app().await;
    let (status, p) = problem(app.get("/api/unknown").await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn the_served_document_is_the_committed_one() {
    let app = spawn_app().await;
    let served: serde_json::Value = app
        .client
        .get(app.url("/api-docs/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let committed: serde_json::Value =
        serde_json::from_str(include_str!("../../../../openapi/openapi.json")).unwrap();
    assert!(
        served == committed,
        "the served OpenAPI document differs from openapi/openapi.json: run `just openapi`"
    );
}

#[tokio::test]
async fn docs_without_a_slash_redirects_to_the_interactive_docs() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = client.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(res.headers()["location"], "/docs/");
}
