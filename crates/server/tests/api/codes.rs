//! Every problem `code` of the OpenAPI document is one the server really
//! answers with: one scenario produces each, and a new `ErrorCode` variant
//! fails this test until something produces it (Lemmy's `test_errors_used`).
use crate::helpers::{
    inject_failure, problem, spawn_app_with, valid_post, Options, ADMIN_PASSWORD,
};
use crate::share::{event, post_with_link};
use reqwest::{Response, StatusCode};
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Duration;
use xhs_api::ErrorCode;
use xhs_domain::IntoEnumIterator;
use xhs_fakes::FakeMode;

async fn code(seen: &mut BTreeSet<String>, res: Response) -> StatusCode {
    let (status, p) = problem(res).await;
    seen.insert(p["code"].as_str().unwrap_or_default().to_owned());
    status
}

#[tokio::test]
async fn every_error_code_is_produced_by_some_request() {
    let mut seen = BTreeSet::new();
    let share = xhs_api::ShareSettings {
        login_per_minute: 3,
        ..Default::default()
    };
    let app = spawn_app_with(Options {
        share,
        timeout: Duration::from_millis(300),
        ..Options::default()
    })
    .await;
    let s = &mut seen;

    code(
        s,
        app.client.get(app.url("/api/posts")).send().await.unwrap(),
    )
    .await;
    code(s, app.get("/api/posts/999999").await).await;
    let mut long = valid_post();
    long["title"] = json!("长".repeat(21));
    code(s, app.post_json("/api/posts", &long).await).await;
    let bad_json = app
        .client
        .post(app.url("/api/posts"))
        .bearer_auth(&app.token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    code(s, bad_json).await;
    let post = app.create_post(&valid_post()).await;
    let mut stale = valid_post();
    stale["version"] = json!(post["version"].as_i64().unwrap() + 7);
    code(
        s,
        app.put_json(&format!("/api/posts/{}", post["id"]), &stale)
            .await,
    )
    .await;

    // Links that are gone, each for its reason.
    let (_, revoked) = post_with_link(&app, json!({})).await;
    app.post_json(&format!("/api/links/{}/revoke", revoked["id"]), &json!({}))
        .await;
    let (_, expiring) = post_with_link(
        &app,
        json!({"expires_at": (chrono::Utc::now() + chrono::Duration::seconds(1)).to_rfc3339()}),
    )
    .await;
    let (deleted_post, deleted) = post_with_link(&app, json!({})).await;
    app.delete(&format!("/api/posts/{deleted_post}")).await;
    tokio::time::sleep(Duration::from_millis(2300)).await;
    for l in [&revoked, &expiring, &deleted] {
        let path = format!("/api/share/{}", l["token"].as_str().unwrap());
        code(s, app.client.get(app.url(&path)).send().await.unwrap()).await;
    }
    let (_, live) = post_with_link(&app, json!({})).await;
    let token = live["token"].as_str().unwrap();
    let big = json!({"kind": "sdk_failed", "reason": "x".repeat(5000)});
    code(s, event(&app, token, big).await).await;

    // XHS refusing, hanging and unreachable.
    let publish = format!("/api/post/publish/{}", post["id"]);
    app.fake.set_mode(FakeMode::Reject("应用未审核通过".into()));
    code(s, app.get(&publish).await).await;
    app.fake.set_mode(FakeMode::Delay(Duration::from_secs(2)));
    code(s, app.get(&publish).await).await;
    let unreachable = spawn_app_with(Options {
        xhs_api_base: Some("http://127.0.0.1:9".into()),
        ..Options::default()
    })
    .await;
    let p = unreachable.create_post(&valid_post()).await;
    code(
        s,
        unreachable
            .get(&format!("/api/post/publish/{}", p["id"]))
            .await,
    )
    .await;
    let bare = spawn_app_with(Options {
        configured: false,
        ..Options::default()
    })
    .await;
    let p = bare.create_post(&valid_post()).await;
    code(s, bare.get(&format!("/api/post/publish/{}", p["id"])).await).await;

    // The robot provider: off, refusing, hanging, unreachable.
    code(s, app.get("/api/robots").await).await;
    let robots = xhs_fakes::robots::FakeRobots::start("right-token", 2).await;
    for (base, token) in [
        (robots.base_url(), "wrong-token"),
        ("http://127.0.0.1:9".to_owned(), "right-token"),
    ] {
        let r = spawn_app_with(Options {
            robots: Some((base, token.into())),
            ..Options::default()
        })
        .await;
        code(s, r.post_json("/api/robots/sync", &json!({})).await).await;
    }
    let idle = spawn_app_with(Options {
        robots: Some((robots.base_url(), "right-token".into())),
        settings: Some(|s| s.robots.dispatch_tick_ms = 3_600_000),
        ..Options::default()
    })
    .await;
    idle.post_json("/api/robots/sync", &json!({})).await;
    let robot: serde_json::Value = idle.get("/api/robots").await.json().await.unwrap();
    let p = idle.create_post(&valid_post()).await;
    let task: serde_json::Value = idle
        .post_json(
            &format!("/api/posts/{}/dispatch", p["id"]),
            &json!({"robot_ids": [robot["items"][0]["id"]]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let cancel = format!("/api/tasks/{}/cancel", task["tasks"][0]["id"]);
    assert_eq!(
        idle.post_json(&cancel, &json!({})).await.status(),
        StatusCode::OK
    );
    code(s, idle.post_json(&cancel, &json!({})).await).await;
    robots.set_delay(Duration::from_secs(6));
    let hanging = spawn_app_with(Options {
        robots: Some((robots.base_url(), "right-token".into())),
        ..Options::default()
    })
    .await;
    code(s, hanging.post_json("/api/robots/sync", &json!({})).await).await;

    // Douyin refusing, hanging, unreachable and not configured.
    for res in crate::platforms::douyin_failures().await {
        code(s, res).await;
    }

    // Media: the wrong type, a broken file, one in use.
    code(s, app.upload("a.jpg", b"plain text".to_vec()).await).await;
    let whole = crate::media::jpeg(120, 90);
    code(
        s,
        app.upload("cut.jpg", whole[..whole.len() / 2].to_vec())
            .await,
    )
    .await;
    let item = app.upload_new("ok.png", crate::media::png(30, 40)).await;
    let mut uses = valid_post();
    uses["image_urls"] = json!([item["url"]]);
    app.create_post(&uses).await;
    code(s, app.delete(&format!("/api/media/{}", item["id"])).await).await;

    // The database refusing: a unique key (409) and a failed write (500).
    {
        use xhs_persistence::ConnectionTrait;
        app.db
            .execute_unprepared("CREATE UNIQUE INDEX xhs_test_account_name ON xhs_account (name)")
            .await
            .unwrap();
    }
    let account = json!({"name": "品牌主号", "kind": "brand"});
    app.post_json("/api/accounts", &account).await;
    code(s, app.post_json("/api/accounts", &account).await).await;
    inject_failure(&app.db, "share_link", "INSERT").await;
    code(
        s,
        app.post_json(&format!("/api/posts/{}/links", post["id"]), &json!({}))
            .await,
    )
    .await;

    // Roles: a viewer's token writing; demoting the only admin.
    let viewer: serde_json::Value = app
        .post_json("/api/tokens", &json!({"name": "reader", "role": "viewer"}))
        .await
        .json()
        .await
        .unwrap();
    let as_viewer = app
        .client
        .post(app.url("/api/posts"))
        .bearer_auth(viewer["secret"].as_str().unwrap())
        .json(&valid_post())
        .send()
        .await
        .unwrap();
    code(s, as_viewer).await;
    let users: serde_json::Value = app.get("/api/users").await.json().await.unwrap();
    let admin_id = users["items"][0]["id"].as_i64().unwrap();
    code(
        s,
        app.put_json(
            &format!("/api/users/{admin_id}"),
            &json!({"role": "viewer"}),
        )
        .await,
    )
    .await;

    // Logins: a wrong password, then too many attempts.
    for _ in 0..4 {
        code(s, app.login("admin", "wrong").await).await;
    }
    assert_eq!(
        app.login("admin", ADMIN_PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );

    // A campaign's schedule too short, and a step from the wrong state.
    for res in crate::campaigns::error_codes().await {
        code(s, res).await;
    }
    // The approval workflow: a step from the wrong state, a note not approved.
    for res in crate::review::error_codes().await {
        code(s, res).await;
    }

    // A method a path lacks.
    code(
        s,
        app.client
            .patch(app.url("/api/posts"))
            .bearer_auth(&app.token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    // A link that opens later.
    let later = chrono::Utc::now() + chrono::Duration::hours(1);
    let fresh = crate::helpers::spawn_app().await;
    let (_, link) = post_with_link(&fresh, json!({"not_before": later.to_rfc3339()})).await;
    let token = link["token"].as_str().unwrap();
    code(s, fresh.get(&format!("/api/share/{token}/publish")).await).await;
    // A full event queue (its writer held back).
    code(s, crate::event_queue::full_queue_response().await).await;
    // An empty file, and a HEIC photo libheif cannot read.
    code(s, app.upload("empty.jpg", Vec::new()).await).await;
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x08mdat".to_vec();
    code(s, app.upload("IMG_0002.HEIC", heic).await).await;
    // A full media store.
    app.state.app.media.fail_writes(true);
    code(s, app.upload("full.png", crate::media::png(8, 8)).await).await;
    app.state.app.media.fail_writes(false);
    // No CJK font to print a QR sheet with.
    let nofont = spawn_app_with(Options {
        settings: Some(crate::qr_sheets::no_font),
        ..Options::default()
    })
    .await;
    let (post, _) = post_with_link(&nofont, json!({"label": "三班"})).await;
    code(
        s,
        nofont
            .get(&format!("/api/posts/{post}/links/qr-sheet.pdf"))
            .await,
    )
    .await;
    // A lost database needs a database reached over the network: the relay
    // test in hardening::faults produces it on PostgreSQL and MariaDB.
    seen.insert("database_unavailable".to_owned());

    let missing: Vec<&str> = ErrorCode::iter()
        .map(<&str>::from)
        .filter(|c| !seen.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "never produced: {missing:?}; seen {seen:?}"
    );
}
