//! The resolved-link cache: a share page is read from memory while nothing
//! changed, and every console write that may change it (an edit, a rename, a
//! revocation, a delete) is served at once. Two instances sharing Redis:
//! see instances/shared_state.rs.
use crate::helpers::{problem, spawn_app_with, valid_post, Options, TestApp};
use crate::share::post_with_link;
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};

async fn app_with_ttl(ttl_ms: u64) -> TestApp {
    let settings: fn(&mut xhs_server::Settings) = if ttl_ms == 0 {
        |s| s.cache.link_ttl_ms = 0
    } else {
        |s| s.cache.link_ttl_ms = 60_000
    };
    spawn_app_with(Options {
        settings: Some(settings),
        ..Options::default()
    })
    .await
}

async fn page(app: &TestApp, token: &str) -> (StatusCode, Value) {
    let res = app
        .client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap();
    (res.status(), res.json().await.unwrap())
}

/// Changes the title behind the server's back, as another process would.
async fn retitle_in_the_database(app: &TestApp, id: i64, title: &str) {
    app.db
        .execute_unprepared(&format!(
            "UPDATE x_post SET title = '{title}' WHERE id = {id}"
        ))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_page_is_served_from_memory_until_a_console_write() {
    let app = app_with_ttl(60_000).await;
    let (id, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    assert_eq!(page(&app, token).await.1["title"], "周末去哪儿");

    retitle_in_the_database(&app, id, "数据库里改的").await;
    assert_eq!(
        page(&app, token).await.1["title"],
        "周末去哪儿",
        "the cached resolution is served, no query"
    );

    // Any console write announces a change; the next read goes to the database.
    let res = app
        .post_json("/api/accounts", &json!({"name": "另一个", "kind": "test"}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(page(&app, token).await.1["title"], "数据库里改的");
}

#[tokio::test]
async fn with_a_zero_ttl_every_read_goes_to_the_database() {
    let app = app_with_ttl(0).await;
    let (id, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    assert_eq!(page(&app, token).await.0, StatusCode::OK);
    retitle_in_the_database(&app, id, "数据库里改的").await;
    assert_eq!(page(&app, token).await.1["title"], "数据库里改的");
}

#[tokio::test]
async fn an_edit_a_rename_a_revocation_and_a_delete_are_served_at_once() {
    let app = app_with_ttl(60_000).await;
    let account = app.create_account("品牌号", "brand").await;
    let (id, link) = post_with_link(&app, json!({"account_id": account})).await;
    let token = link["token"].as_str().unwrap();
    let (status, shown) = page(&app, token).await;
    assert_eq!(status, StatusCode::OK, "{shown}");
    assert_eq!(shown["accountName"], "品牌号");

    let mut edit = valid_post();
    edit["title"] = json!("改过的标题");
    edit["version"] = json!(1);
    let res = app.put_json(&format!("/api/posts/{id}"), &edit).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(page(&app, token).await.1["title"], "改过的标题");

    let res = app
        .put_json(
            &format!("/api/accounts/{account}"),
            &json!({"name": "品牌号", "nickname": "新昵称", "kind": "brand"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(page(&app, token).await.1["accountName"], "新昵称");

    let res = app
        .post_json(&format!("/api/links/{}/revoke", link["id"]), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let (status, p) = problem(
        app.client
            .get(app.url(&format!("/api/share/{token}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::GONE, Some("link_revoked"))
    );

    let (id, link) = post_with_link(&app, json!({})).await;
    let token = link["token"].as_str().unwrap();
    assert_eq!(page(&app, token).await.0, StatusCode::OK);
    let res = app
        .client
        .delete(app.url(&format!("/api/posts/{id}")))
        .bearer_auth(&app.token)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    let (status, p) = problem(
        app.client
            .get(app.url(&format!("/api/share/{token}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::GONE, Some("post_deleted"))
    );
}
