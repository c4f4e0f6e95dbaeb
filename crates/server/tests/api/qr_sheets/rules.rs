//! The query's rules, the font, what does not exist, and who may print.
use super::{fetch, links_for, no_font};
use crate::helpers::{problem, spawn_app, spawn_app_with, valid_post, Options};
use crate::teams::{add_user, login_as};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_bad_per_page_or_ids_is_422_naming_the_field_and_the_rule() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let base = format!("/api/posts/{post}/links/qr-sheet.pdf");
    for (query, field, rule) in [
        ("per_page=7", "per_page", "one_of"),
        ("per_page=0", "per_page", "one_of"),
        ("ids=1,,2", "ids", "well_formed"),
        ("ids=-3", "ids", "well_formed"),
        ("group_id=987654", "group_id", "exists"),
    ] {
        let (status, p) = problem(app.get(&format!("{base}?{query}")).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {p}");
        assert_eq!(p["errors"][0]["field"], json!(field), "{query}: {p}");
        assert_eq!(p["errors"][0]["rule"], json!(rule), "{query}: {p}");
    }
    let (status, _) = problem(app.get(&format!("{base}?per_page=twelve")).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // A note without links has nothing to print: 422, never an empty PDF.
    let (status, p) = problem(app.get(&base).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
}

#[tokio::test]
async fn an_unknown_campaign_or_note_is_404() {
    let app = spawn_app().await;
    for path in [
        "/api/campaigns/987654/qr-sheet.pdf",
        "/api/posts/987654/links/qr-sheet.pdf",
    ] {
        let (status, p) = problem(app.get(path).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {p}");
    }
}

#[tokio::test]
async fn without_a_cjk_font_the_sheet_is_503_font_not_configured_naming_the_setting() {
    let app = spawn_app_with(Options {
        settings: Some(no_font),
        ..Options::default()
    })
    .await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let account = app.create_account("小明", "student").await;
    links_for(&app, post, &[account]).await;

    let (status, p) = problem(
        app.get(&format!("/api/posts/{post}/links/qr-sheet.pdf"))
            .await,
    )
    .await;

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(p["code"], "font_not_configured");
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("XHSPUB__PRINT__FONT_PATH"),
        "{p}"
    );
    assert!(
        !p["detail"].as_str().unwrap().contains("Cargo.toml"),
        "no path in the body"
    );
}

#[tokio::test]
async fn a_sheet_needs_a_login_and_a_viewer_may_print_it() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let account = app.create_account("小红", "student").await;
    links_for(&app, post, &[account]).await;
    let path = format!("/api/posts/{post}/links/qr-sheet.pdf");
    let anonymous = app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    for path in [path.clone(), "/api/campaigns/1/qr-sheet.pdf".to_owned()] {
        let res = app.client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path}");
    }

    add_user(&app, "reader", "viewer").await;
    let viewer = login_as(&app, "reader").await;
    let res = viewer.get(&path).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF"));
    fetch(&app, &path).await;
}
