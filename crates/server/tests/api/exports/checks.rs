use crate::helpers::{problem, spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_bad_format_or_range_is_422_naming_the_field_and_rule() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let stats = format!("/api/posts/{post}/stats/export");
    for (path, field, rule) in [
        (
            format!("/api/posts/{post}/links/export?format=pdf"),
            "format",
            "one_of",
        ),
        (
            "/api/audit/export?format=xls".to_owned(),
            "format",
            "one_of",
        ),
        (format!("{stats}?to=2026-01-01"), "from", "required"),
        (format!("{stats}?from=2026-01-01"), "to", "required"),
        (
            format!("{stats}?from=2026-13-01&to=2026-12-31"),
            "from",
            "well_formed",
        ),
        (
            format!("{stats}?from=2026-01-01&to=yesterday"),
            "to",
            "well_formed",
        ),
        (
            format!("{stats}?from=2026-02-01&to=2026-01-31"),
            "to",
            "range",
        ),
        (
            format!("{stats}?from=2025-01-01&to=2026-01-02"),
            "to",
            "range",
        ),
        (
            format!("{stats}?from=2026-01-01&to=2026-01-31&format=doc"),
            "format",
            "one_of",
        ),
        (
            "/api/audit/export?action=dance".to_owned(),
            "action",
            "one_of",
        ),
    ] {
        let (status, p) = problem(app.get(&path).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {p}");
        assert_eq!(p["errors"][0]["field"], field, "{path}: {p}");
        assert_eq!(p["errors"][0]["rule"], rule, "{path}: {p}");
    }
    let ok = app
        .get(&format!("{stats}?from=2024-01-01&to=2024-12-31"))
        .await;
    assert_eq!(ok.status(), StatusCode::OK, "a leap year is one range");
}

#[tokio::test]
async fn exports_of_unknown_ids_are_404() {
    let app = spawn_app().await;
    let range = "from=2026-01-01&to=2026-01-31";
    for path in [
        "/api/campaigns/424242/export".to_owned(),
        "/api/posts/424242/links/export".to_owned(),
        format!("/api/posts/424242/stats/export?{range}"),
        format!("/api/links/424242/stats/export?{range}"),
        format!("/api/accounts/424242/stats/export?{range}"),
        format!("/api/campaigns/424242/stats/export?{range}"),
    ] {
        let (status, p) = problem(app.get(&path).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {p}");
    }
    let res = app
        .post_json("/api/campaigns/424242/export", &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
}
