//! What answers for a deleted resource is what the document says it answers
//! (issue 23): the operations' descriptions are checked against the server.
use crate::helpers::{problem, spawn_app};
use serde_json::{json, Value};

/// The description of `method path` in the served document.
async fn described(app: &crate::helpers::TestApp, method: &str, path: &str) -> String {
    let doc: Value = app
        .get("/api-docs/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let op = &doc["paths"][path][method];
    format!("{} {}", op["summary"], op["description"])
}

#[tokio::test]
async fn a_deleted_accounts_statistics_links_and_records_keep_answering_as_described() {
    let app = spawn_app().await;
    let account: Value = app
        .post_json(
            "/api/accounts",
            &json!({"name": "学生甲", "kind": "student"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = account["id"].as_i64().unwrap();
    let post = app
        .create_post(&json!({"type": "normal", "title": "t", "content": "c",
            "image_urls": ["https://img.example.com/a.jpg"]}))
        .await;
    let link: Value = app
        .post_json(
            &format!("/api/posts/{}/links", post["id"]),
            &json!({"account_id": id}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        app.delete(&format!("/api/accounts/{id}")).await.status(),
        204
    );

    assert_eq!(app.get(&format!("/api/accounts/{id}")).await.status(), 404);
    assert!(described(&app, "get", "/api/accounts/{id}")
        .await
        .contains("deleted account answers 404"));
    assert_eq!(
        app.get(&format!("/api/accounts/{id}/stats")).await.status(),
        200
    );
    assert!(described(&app, "get", "/api/accounts/{id}/stats")
        .await
        .contains("Keeps answering after the account is deleted"));
    let share = app
        .get(&format!("/api/share/{}", link["token"].as_str().unwrap()))
        .await;
    assert_eq!(share.status(), 200, "its links' share pages keep working");
    let (status, _) = problem(
        app.post_json(
            &format!("/api/posts/{}/links", post["id"]),
            &json!({"account_id": id}),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "a new link naming it is refused");
    assert!(described(&app, "delete", "/api/accounts/{id}")
        .await
        .contains("refused (422)"));
    assert_eq!(app.get("/api/accounts/987654/stats").await.status(), 404);
}

#[tokio::test]
async fn a_deleted_posts_links_stay_readable_and_their_share_pages_answer_410_as_described() {
    let app = spawn_app().await;
    let post = app
        .create_post(&json!({"type": "normal", "title": "t", "content": "c",
            "image_urls": ["https://img.example.com/a.jpg"]}))
        .await;
    let link: Value = app
        .post_json(&format!("/api/posts/{}/links", post["id"]), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let (post_id, link_id) = (post["id"].as_i64().unwrap(), link["id"].as_i64().unwrap());
    assert_eq!(
        app.delete(&format!("/api/posts/{post_id}")).await.status(),
        204
    );

    for path in ["", "/stats", "/links", "/versions", "/preflight"] {
        let res = app.get(&format!("/api/posts/{post_id}{path}")).await;
        assert_eq!(res.status(), 404, "/api/posts/{{id}}{path}");
    }
    for (path, doc_path) in [
        ("", "/api/links/{id}"),
        ("/stats", "/api/links/{id}/stats"),
        ("/qr.png", "/api/links/{id}/qr.png"),
        ("/qr.svg", "/api/links/{id}/qr.svg"),
    ] {
        let res = app.get(&format!("/api/links/{link_id}{path}")).await;
        assert_eq!(res.status(), 200, "{doc_path}");
        assert!(
            described(&app, "get", doc_path)
                .await
                .contains("after the link's post is deleted"),
            "{doc_path}"
        );
    }
    let token = link["token"].as_str().unwrap();
    let (status, body) = problem(app.get(&format!("/api/share/{token}/publish")).await).await;
    assert_eq!(
        (status.as_u16(), body["code"].as_str()),
        (410, Some("post_deleted"))
    );
    let doc: Value = app
        .get("/api-docs/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    for (path, method) in [
        ("/api/share/{token}", "get"),
        ("/api/share/{token}/publish", "get"),
        ("/api/share/{token}/events", "post"),
        ("/api/share/{token}/confirm", "post"),
    ] {
        let gone = doc["paths"][path][method]["responses"]["410"]["description"]
            .as_str()
            .unwrap_or_default();
        assert!(gone.contains("post_deleted"), "{method} {path}: {gone}");
    }
}
