//! A class of 40 in one PDF: a launched campaign's sheet.
use super::{cards_of, class, codes_of, fetch, pages_of, set, text_of};
use crate::campaigns::{assignments, body, create, step};
use crate::helpers::{problem, spawn_app, valid_post, TestApp};
use reqwest::StatusCode;
use serde_json::json;

/// A campaign of one note for a class of 40, launched; its id, the title,
/// and the assignments.
async fn launched_class(app: &TestApp) -> (i64, Vec<serde_json::Value>, Vec<String>) {
    let post = app.create_post(&valid_post()).await["id"].as_i64().unwrap();
    let (g, people) = class(app, "三年二班", "学生", 40).await;
    let id = create(app, &body(&[post], &[], &[g], 3)).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(step(app, id, "plan").await.0, StatusCode::OK);
    let (status, _) = problem(app.get(&format!("/api/campaigns/{id}/qr-sheet.pdf")).await).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "planned: no links to print yet"
    );
    assert_eq!(step(app, id, "launch").await.0, StatusCode::OK);
    let names = people.into_iter().map(|p| p.1).collect();
    (id, assignments(app, id, "").await, names)
}

#[tokio::test]
async fn a_class_of_forty_prints_in_one_pdf_with_every_name_as_text_and_codes_that_open_their_links(
) {
    let app = spawn_app().await;
    let (id, list, names) = launched_class(&app).await;
    assert_eq!(list.len(), 40);

    let pdf = fetch(&app, &format!("/api/campaigns/{id}/qr-sheet.pdf")).await;

    assert_eq!(pages_of(&pdf), 4, "12 cards to a page by default");
    let text: String = text_of(&pdf).split_whitespace().collect();
    for n in &names {
        assert!(text.contains(n.as_str()), "{n} is extractable text");
    }
    assert!(
        text.contains("三年二班") && text.contains("周末去哪儿"),
        "{text}"
    );
    let expected = set(list
        .iter()
        .map(|a| a["link_url"].as_str().unwrap().to_owned()));
    let cards = cards_of(&pdf, 12);
    assert_eq!(cards.len(), 40);
    for (code, text) in &cards {
        assert!(
            text.contains(code.as_str()),
            "the card writes out the link its code opens: {code} in {text}"
        );
    }
    assert_eq!(set(cards.into_iter().map(|c| c.0)), expected);
}

#[tokio::test]
async fn six_to_a_page_puts_forty_people_on_seven_pages_and_ids_pick_cards() {
    let app = spawn_app().await;
    let (id, list, _) = launched_class(&app).await;

    let six = fetch(
        &app,
        &format!("/api/campaigns/{id}/qr-sheet.pdf?per_page=6"),
    )
    .await;
    assert_eq!(pages_of(&six), 7);
    let small = fetch(
        &app,
        &format!("/api/campaigns/{id}/qr-sheet.pdf?per_page=24"),
    )
    .await;
    assert_eq!(pages_of(&small), 2);
    assert_eq!(
        codes_of(&small, 24).len(),
        40,
        "24 small codes a page still decode"
    );

    let picked = [&list[3], &list[17]];
    let ids = format!("{},{}", picked[0]["id"], picked[1]["id"]);
    let two = fetch(&app, &format!("/api/campaigns/{id}/qr-sheet.pdf?ids={ids}")).await;
    assert_eq!(
        set(codes_of(&two, 12)),
        set(picked
            .iter()
            .map(|a| a["link_url"].as_str().unwrap().to_owned()))
    );
    let text: String = text_of(&two).split_whitespace().collect();
    let name = picked[0]["account_name"].as_str().unwrap();
    assert!(text.contains(name));
    assert!(!text.contains(list[0]["account_name"].as_str().unwrap()));

    let (other, _) = class(&app, "别班", "外校生", 1).await;
    let (status, p) = problem(
        app.get(&format!(
            "/api/campaigns/{id}/qr-sheet.pdf?group_id={other}"
        ))
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(p["errors"][0]["field"], json!("group_id"), "{p}");
}
