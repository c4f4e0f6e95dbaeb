//! A note's links sheet: live links only, named by account or label, the
//! variant beside the title, filtered by group or ids.
use super::{class, codes_of, fetch, links_for, pages_of, set, text_of};
use crate::helpers::{spawn_app, valid_post};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_notes_sheet_holds_its_live_links_by_name_label_and_variant() {
    let app = spawn_app().await;
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let (one, a) = class(&app, "一班", "甲同学", 5).await;
    let (_, b) = class(&app, "二班", "乙同学", 3).await;
    let a_ids: Vec<i64> = a.iter().map(|p| p.0).collect();
    let b_ids: Vec<i64> = b.iter().map(|p| p.0).collect();
    let a_links = links_for(&app, post, &a_ids).await;
    let b_links = links_for(&app, post, &b_ids).await;
    let variant: Value = app
        .post_json(
            &format!("/api/posts/{post}/variants"),
            &json!({"label": "春季版", "title": "春天去哪儿"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let labelled: Value = app
        .post_json(
            &format!("/api/posts/{post}/links"),
            &json!({"label": "门口海报", "variant_id": variant["id"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let revoked = &b_links[0];
    let res = app
        .post_json(&format!("/api/links/{}/revoke", revoked.0), &json!({}))
        .await;
    assert!(res.status().is_success());

    let pdf = fetch(&app, &format!("/api/posts/{post}/links/qr-sheet.pdf")).await;

    assert_eq!(pages_of(&pdf), 1);
    let mut expected: Vec<String> = a_links
        .iter()
        .chain(&b_links[1..])
        .map(|l| l.1.clone())
        .collect();
    expected.push(labelled["url"].as_str().unwrap().to_owned());
    assert_eq!(
        set(codes_of(&pdf, 12)),
        set(expected),
        "every live link, the revoked one left out"
    );
    let text: String = text_of(&pdf).split_whitespace().collect();
    for (_, n) in a.iter().chain(&b[1..]) {
        assert!(text.contains(n.as_str()), "{n}");
    }
    assert!(
        !text.contains(b[0].1.as_str()),
        "a revoked link is not printed"
    );
    assert!(
        text.contains("门口海报") && text.contains("周末去哪儿·春季版"),
        "{text}"
    );
    assert!(text.contains("一班") && text.contains("二班"));

    let class_one = fetch(
        &app,
        &format!("/api/posts/{post}/links/qr-sheet.pdf?group_id={one}&per_page=24"),
    )
    .await;
    assert_eq!(
        set(codes_of(&class_one, 24)),
        set(a_links.iter().map(|l| l.1.clone()))
    );

    let ids = format!("{},{}", a_links[1].0, b_links[2].0);
    let res = app
        .get(&format!(
            "/api/posts/{post}/links/qr-sheet.pdf?ids={ids}&per_page=6"
        ))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-card-count"], "2");
    let two = res.bytes().await.unwrap();
    assert_eq!(
        set(codes_of(&two, 6)),
        set([a_links[1].1.clone(), b_links[2].1.clone()])
    );
}
