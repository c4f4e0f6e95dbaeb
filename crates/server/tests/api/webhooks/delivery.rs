//! What causes an event writes it with the change: exactly one delivery per
//! subscribed endpoint, signed, in the Standard Webhooks format.
use super::receiver::{Received, Receiver};
use super::{app, deliveries, endpoint, until};
use crate::helpers::{valid_post, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The signature is `v1,` HMAC-SHA256 of `{id}.{timestamp}.{body}` with the secret.
fn verify(r: &Received, secret: &str) -> Value {
    let ts: i64 = r.timestamp.parse().unwrap();
    let expected = xhs_app::webhooks::signature::sign(secret, &r.id, ts, &r.body).unwrap();
    assert!(
        r.signature.split(' ').any(|s| s == expected),
        "bad signature {}",
        r.signature
    );
    assert!(r.id.starts_with("msg_"));
    assert!((chrono::Utc::now().timestamp() - ts).abs() < 60);
    serde_json::from_str(&r.body).unwrap()
}

async fn confirm_one(app: &TestApp) -> i64 {
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let account: Value = app
        .post_json(
            "/api/accounts",
            &json!({"name": "学员一", "kind": "student"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let account = account["id"].as_i64().unwrap();
    let res = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"account_id": account}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let records: Value = app
        .get(&format!("/api/records?account_id={account}"))
        .await
        .json()
        .await
        .unwrap();
    let id = records[0]["id"].as_i64().unwrap();
    for _ in 0..2 {
        // Confirmed twice: one publish, one event.
        let ok = app
            .put_json(
                &format!("/api/records/{id}/confirm"),
                &json!({"note_url": "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"}),
            )
            .await;
        assert_eq!(ok.status(), StatusCode::OK);
    }
    id
}

#[tokio::test]
async fn a_confirmed_publish_reaches_each_subscribed_endpoint_once_signed() {
    let app = app().await;
    let (a, b, other) = (
        Receiver::start(&[]).await,
        Receiver::start(&[]).await,
        Receiver::start(&[]).await,
    );
    let (a_id, a_secret) = endpoint(&app, &a.url, &["publish.confirmed", "task.failed"]).await;
    let (_, b_secret) = endpoint(&app, &b.url, &["publish.confirmed"]).await;
    let (other_id, _) = endpoint(&app, &other.url, &["post.approved"]).await;

    let record = confirm_one(&app).await;

    let got_a = until(
        20,
        || async { a.received() },
        |r: &Vec<Received>| !r.is_empty(),
    )
    .await;
    let got_b = until(
        20,
        || async { b.received() },
        |r: &Vec<Received>| !r.is_empty(),
    )
    .await;
    let done = until(
        20,
        || deliveries(&app, a_id),
        |d: &Vec<Value>| d.iter().all(|d| d["status"] == "succeeded"),
    )
    .await;
    assert_eq!((got_a.len(), got_b.len()), (1, 1));
    for (r, secret) in [(&got_a[0], &a_secret), (&got_b[0], &b_secret)] {
        let body = verify(r, secret);
        assert_eq!(body["type"], "publish.confirmed");
        assert!(body["timestamp"].is_string());
        assert_eq!(body["data"]["record_id"], record);
        assert_eq!(
            body["data"]["note_url"],
            "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"
        );
    }
    assert_ne!(
        got_a[0].id, got_b[0].id,
        "each endpoint has its own webhook-id"
    );
    assert_eq!(done.len(), 1);
    assert_eq!(done[0]["event"], "publish.confirmed");
    assert_eq!(done[0]["attempts"], 1);
    assert_eq!(done[0]["last_status_code"], 200);
    assert_eq!(done[0]["last_response_body"], "answered 200");
    assert!(other.received().is_empty());
    assert!(deliveries(&app, other_id).await.is_empty());
}

#[tokio::test]
async fn review_steps_reach_the_endpoints_subscribed_to_them_once() {
    let app = app().await;
    let r = Receiver::start(&[]).await;
    let (_, secret) = endpoint(&app, &r.url, &["post.submitted", "post.approved"]).await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    for step in ["submit", "approve"] {
        let res = app
            .post_json(&format!("/api/posts/{post}/{step}"), &json!({}))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{step}");
    }
    let got = until(
        20,
        || async { r.received() },
        |r: &Vec<Received>| r.len() >= 2,
    )
    .await;
    let mut types: Vec<String> = got
        .iter()
        .map(|g| verify(g, &secret)["type"].as_str().unwrap().to_owned())
        .collect();
    types.sort();
    assert_eq!(types, ["post.approved", "post.submitted"]);
    let approved = got
        .iter()
        .map(|g| verify(g, &secret))
        .find(|b| b["type"] == "post.approved")
        .unwrap();
    assert_eq!(approved["data"]["post_id"], post);
    assert_eq!(approved["data"]["by"], "admin");
    assert_eq!(approved["data"]["review_status"], "approved");
}

fn fleet_and_webhooks(s: &mut xhs_server::Settings) {
    crate::fleet::fast(s);
    super::fast(s);
}

#[tokio::test]
async fn a_task_result_from_the_fake_provider_reaches_its_subscribers_once() {
    let (_fake, app) = crate::fleet::fleet(1, fleet_and_webhooks).await;
    let r = Receiver::start(&[]).await;
    let quiet = Receiver::start(&[]).await;
    let (id, secret) = endpoint(&app, &r.url, &["task.succeeded", "task.failed"]).await;
    endpoint(&app, &quiet.url, &["task.timed_out"]).await;
    let robots = crate::fleet::robot_ids(&app).await;
    let (_post, tasks) = crate::fleet::dispatch(&app, &robots).await;
    let task = tasks[0]["id"].as_i64().unwrap();
    let got = until(
        30,
        || async { r.received() },
        |r: &Vec<Received>| !r.is_empty(),
    )
    .await;
    let body = verify(&got[0], &secret);
    assert!(
        ["task.succeeded", "task.failed"].contains(&body["type"].as_str().unwrap()),
        "{body}"
    );
    assert_eq!(body["data"]["task_id"], task);
    until(
        20,
        || deliveries(&app, id),
        |d: &Vec<Value>| d.iter().all(|d| d["status"] == "succeeded"),
    )
    .await;
    assert_eq!(r.received().len(), 1);
    assert!(quiet.received().is_empty());
}

#[tokio::test]
async fn busy_link_events_go_only_to_endpoints_that_chose_them() {
    let app = app().await;
    let busy = Receiver::start(&[]).await;
    let calm = Receiver::start(&[]).await;
    let (_, secret) = endpoint(&app, &busy.url, &["link.opened"]).await;
    endpoint(&app, &calm.url, &["publish.confirmed", "post.approved"]).await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let link: Value = app
        .post_json(&format!("/api/posts/{post}/links"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let token = link["token"].as_str().unwrap();
    let res = crate::share::event(&app, token, json!({"kind": "opened"})).await;
    assert!(res.status().is_success(), "{}", res.status());
    let got = until(
        20,
        || async { busy.received() },
        |r: &Vec<Received>| !r.is_empty(),
    )
    .await;
    let body = verify(&got[0], &secret);
    assert_eq!(body["type"], "link.opened");
    assert_eq!(body["data"]["post_id"], post);
    assert_eq!(body["data"]["link_id"], link["id"]);
    assert!(calm.received().is_empty());
}
