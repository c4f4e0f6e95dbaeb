//! What the database shares: one XHS token for both, a revocation at once.
use super::{in_redis, redis_url, two_instances};
use crate::helpers::{problem, TestApp, APP_KEY};
use crate::share::post_with_link;
use reqwest::StatusCode;
use serde_json::{json, Value};
use xhs_api::ShareSettings;

async fn public(app: &TestApp, path: &str) -> reqwest::Response {
    app.client.get(app.url(path)).send().await.unwrap()
}

#[tokio::test]
async fn two_instances_sign_with_one_token_fetch_in_all() {
    let (a, b) = two_instances(in_redis(&redis_url(), ShareSettings::default())).await;
    let (_, link) = post_with_link(&a, json!({})).await;
    let path = format!("/api/share/{}/publish", link["token"].as_str().unwrap());
    let calls = (0..10).map(|i| public(if i % 2 == 0 { &a } else { &b }, &path));
    let mut signed = Vec::new();
    for res in futures_util::future::join_all(calls).await {
        let status = res.status();
        let body = res.json::<Value>().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        signed.push(body["data"].clone());
    }
    assert_eq!(a.fake.token_fetches(), 1, "one fetch for both instances");
    for d in signed {
        assert!(a.fake.verify_page_signature(
            APP_KEY,
            d["nonce"].as_str().unwrap(),
            &d["timestamp"].to_string(),
            d["signature"].as_str().unwrap()
        ));
    }
    assert_eq!(
        b.fake.token_fetches(),
        0,
        "the second's own fake is never asked"
    );
}

#[tokio::test]
async fn a_link_revoked_on_one_instance_answers_410_on_the_other_at_once() {
    let (a, b) = two_instances(in_redis(&redis_url(), ShareSettings::default())).await;
    let (_, link) = post_with_link(&a, json!({})).await;
    let token = link["token"].as_str().unwrap();
    assert_eq!(
        public(&b, &format!("/api/share/{token}")).await.status(),
        StatusCode::OK
    );

    let res = a
        .post_json(&format!("/api/links/{}/revoke", link["id"]), &json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    for path in [
        format!("/api/share/{token}"),
        format!("/api/share/{token}/publish"),
    ] {
        let (status, p) = problem(public(&b, &path).await).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (StatusCode::GONE, Some("link_revoked")),
            "{path}"
        );
    }
}

#[tokio::test]
async fn an_edit_on_one_instance_is_served_by_the_other_at_once() {
    // The other instance has the link cached; the shared generation in Redis
    // tells it the note changed.
    let (a, b) = two_instances(in_redis(&redis_url(), ShareSettings::default())).await;
    let (id, link) = post_with_link(&a, json!({})).await;
    let path = format!("/api/share/{}", link["token"].as_str().unwrap());
    let shown: Value = public(&b, &path).await.json().await.unwrap();
    assert_eq!(shown["title"], "周末去哪儿");

    let mut edit = crate::helpers::valid_post();
    edit["title"] = json!("在另一台改的");
    edit["version"] = json!(1);
    let res = a.put_json(&format!("/api/posts/{id}"), &edit).await;
    assert_eq!(res.status(), StatusCode::OK);

    let shown: Value = public(&b, &path).await.json().await.unwrap();
    assert_eq!(shown["title"], "在另一台改的");
}
