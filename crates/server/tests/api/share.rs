use crate::helpers::{problem, spawn_app, valid_post, TestApp, APP_KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Creates a post and a link for it; returns (post id, link).
pub async fn post_with_link(app: &TestApp, link: Value) -> (i64, Value) {
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let res = app
        .post_json(&format!("/api/posts/{id}/links"), &link)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    (id, res.json().await.unwrap())
}

pub async fn event(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/share/{token}/events")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_link_opens_the_note_for_anyone_without_exposing_ids() {
    let app = spawn_app().await;
    let (_, link) = post_with_link(&app, json!({"label": "三班"})).await;
    let token = link["token"].as_str().unwrap();
    assert_eq!(link["url"], format!("{}/s/{token}", app.address));
    assert_eq!(link["status"], "active");

    let res = app
        .client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "no login needed");
    let page: Value = res.json().await.unwrap();
    assert_eq!(
        (page["title"].as_str(), page["label"].as_str()),
        (Some("周末去哪儿"), Some("三班"))
    );
    assert_eq!(page["xhsConfigured"], true);
    let text = page.to_string();
    assert!(
        page.get("id").is_none() && !text.contains("\"postId\"") && !text.contains("\"linkId\""),
        "{text}"
    );

    let payload: Value = app
        .client
        .get(app.url(&format!("/api/share/{token}/publish")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let d = &payload["data"];
    assert_eq!(d["appKey"], APP_KEY);
    assert!(app.fake.verify_page_signature(
        APP_KEY,
        d["nonce"].as_str().unwrap(),
        &d["timestamp"].to_string(),
        d["signature"].as_str().unwrap()
    ));
    assert_eq!(payload["shareInfo"]["title"], "周末去哪儿");
}

#[tokio::test]
async fn tokens_are_long_random_and_not_derived_from_the_post() {
    let app = spawn_app().await;
    let (id, first) = post_with_link(&app, json!({})).await;
    let second: Value = app
        .post_json(&format!("/api/posts/{id}/links"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let (a, b) = (
        first["token"].as_str().unwrap(),
        second["token"].as_str().unwrap(),
    );
    assert_ne!(a, b, "two links of one post have unrelated tokens");
    for t in [a, b] {
        assert!(t.len() >= 22, "at least 128 bits in URL-safe base64");
        assert!(t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert!(!t.contains(&id.to_string()) || t.len() > 40);
    }
    for guess in [id.to_string(), format!("{id:x}"), "1".into()] {
        let res = app
            .client
            .get(app.url(&format!("/api/share/{guess}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{guess}");
    }
}

#[tokio::test]
async fn unknown_revoked_expired_and_deleted_post_tokens_answer_404_or_410() {
    let app = spawn_app().await;
    let (status, p) = problem(
        app.client
            .get(app.url("/api/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );

    let (_, revoked) = post_with_link(&app, json!({})).await;
    let res = app
        .post_json(&format!("/api/links/{}/revoke", revoked["id"]), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let (_, expiring) = post_with_link(
        &app,
        json!({"expires_at": (chrono::Utc::now() + chrono::Duration::seconds(1)).to_rfc3339()}),
    )
    .await;
    // MySQL DATETIME rounds to whole seconds: wait past any rounding.
    tokio::time::sleep(std::time::Duration::from_millis(2300)).await;

    let (deleted_post, deleted) = post_with_link(&app, json!({})).await;
    app.delete(&format!("/api/posts/{deleted_post}")).await;

    for (link, code) in [
        (&revoked, "link_revoked"),
        (&expiring, "link_expired"),
        (&deleted, "post_deleted"),
    ] {
        let token = link["token"].as_str().unwrap();
        for path in [
            format!("/api/share/{token}"),
            format!("/api/share/{token}/publish"),
        ] {
            let (status, p) = problem(app.client.get(app.url(&path)).send().await.unwrap()).await;
            assert_eq!(
                (status, p["code"].as_str()),
                (StatusCode::GONE, Some(code)),
                "{path}"
            );
        }
        let (status, _) = problem(event(&app, token, json!({"kind": "opened"})).await).await;
        assert_eq!(status, StatusCode::GONE);
    }
    for l in [&revoked, &expiring] {
        let res = app.get(&format!("/api/links/{}/stats", l["id"])).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "a dead link's statistics stay readable"
        );
    }
}

#[tokio::test]
async fn a_link_expiring_in_the_past_or_for_an_unknown_account_is_refused() {
    let app = spawn_app().await;
    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let body =
        json!({"expires_at": "2020-01-01T00:00:00Z", "account_id": 999, "label": "x".repeat(51)});
    let (status, p) = problem(
        app.post_json(&format!("/api/posts/{id}/links"), &body)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["label", "account_id", "expires_at"]);
}

#[tokio::test]
async fn the_articles_endpoints_stay_operator_only() {
    let app = spawn_app().await;
    let (id, _) = post_with_link(&app, json!({})).await;
    for path in [
        format!("/api/post/preview/{id}"),
        format!("/api/post/publish/{id}"),
    ] {
        assert_eq!(
            app.client
                .get(app.url(&path))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn a_link_that_opens_later_shows_when_and_hands_nothing_over_before() {
    let app = spawn_app().await;
    let opens = chrono::Utc::now() + chrono::Duration::hours(3);
    let (_, link) = post_with_link(&app, json!({"not_before": opens.to_rfc3339()})).await;
    let token = link["token"].as_str().unwrap();
    let stored = chrono::DateTime::parse_from_rfc3339(link["not_before"].as_str().unwrap());
    assert!((stored.unwrap().timestamp() - opens.timestamp()).abs() <= 1);

    let page: Value = app
        .client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let publish = app
        .client
        .get(app.url(&format!("/api/share/{token}/publish")))
        .send()
        .await
        .unwrap();

    assert_eq!(page["title"], valid_post()["title"], "the note is shown");
    let opens_at = page["opensAt"].as_str().unwrap().to_owned();
    let (status, p) = problem(publish).await;
    assert_eq!(
        (status, p["code"].as_str(), p["opens_at"].as_str()),
        (
            StatusCode::CONFLICT,
            Some("link_not_open_yet"),
            Some(opens_at.as_str())
        )
    );
}

#[tokio::test]
async fn a_link_whose_time_has_come_is_open_and_one_cannot_open_after_it_expires() {
    let app = spawn_app().await;
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    let (_, link) = post_with_link(&app, json!({"not_before": past.to_rfc3339()})).await;
    let token = link["token"].as_str().unwrap();
    let page: Value = app
        .client
        .get(app.url(&format!("/api/share/{token}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(page.get("opensAt").is_none(), "{page}");
    let publish = app
        .client
        .get(app.url(&format!("/api/share/{token}/publish")))
        .send()
        .await
        .unwrap();
    assert_eq!(publish.status(), StatusCode::OK);

    let id = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let later = chrono::Utc::now() + chrono::Duration::days(2);
    let sooner = chrono::Utc::now() + chrono::Duration::days(1);
    let res = app
        .post_json(
            &format!("/api/posts/{id}/links"),
            &json!({"not_before": later.to_rfc3339(), "expires_at": sooner.to_rfc3339()}),
        )
        .await;
    let (status, p) = problem(res).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        (
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["rule"].as_str()
        ),
        (Some("not_before"), Some("range"))
    );
}
