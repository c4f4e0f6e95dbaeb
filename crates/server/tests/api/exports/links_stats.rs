use super::{csv_rows, fetch, file_name, header_frozen, sheet, text};
use crate::helpers::{spawn_app, valid_post, TestApp};
use crate::share::event;
use calamine::Data;
use chrono_tz::Asia::Shanghai;
use reqwest::StatusCode;
use serde_json::{json, Value};

const COUNTS: [&str; 7] = [
    "打开",
    "点击发布",
    "SDK 加载",
    "打开 App",
    "SDK 失败",
    "改用备用方式",
    "确认发布",
];

/// A note 冬日咖啡 with two links: 三班 (张三's: opened twice, tapped once)
/// and an untouched one.
async fn note_with_links(app: &TestApp) -> (i64, i64, Value, Value) {
    let mut p = valid_post();
    p["title"] = json!("冬日咖啡");
    let post = app.create_post(&p).await["id"].as_i64().unwrap();
    let account = app.create_account("张三", "student").await;
    let mut links = Vec::new();
    for body in [json!({"label": "三班", "account_id": account}), json!({})] {
        let res = app
            .post_json(&format!("/api/posts/{post}/links"), &body)
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        links.push(res.json::<Value>().await.unwrap());
    }
    let token = links[0]["token"].as_str().unwrap();
    for kind in ["opened", "opened", "publish_tapped"] {
        assert!(event(app, token, json!({"kind": kind}))
            .await
            .status()
            .is_success());
    }
    let untouched = links.pop().unwrap();
    (post, account, links.pop().unwrap(), untouched)
}

#[tokio::test]
async fn a_notes_links_export_with_their_totals() {
    let app = spawn_app().await;
    let (post, _, used, untouched) = note_with_links(&app).await;
    let d = fetch(&app, &format!("/api/posts/{post}/links/export")).await;
    assert!(
        file_name(&d.disposition).starts_with("冬日咖啡-链接-"),
        "{}",
        d.disposition
    );
    assert!(header_frozen(&d));
    let (rows, formulas) = sheet(&d);
    let mut want = vec![
        "编号",
        "标签",
        "账号",
        "变体",
        "状态",
        "分享链接",
        "创建时间",
        "过期时间",
    ];
    want.extend(COUNTS);
    assert_eq!(rows[0].iter().map(text).collect::<Vec<_>>(), want);
    assert_eq!(rows.len(), 3);
    let r = &rows[1];
    assert_eq!(text(&r[0]), used["id"].to_string(), "by ascending id");
    assert_eq!(
        (text(&r[1]), text(&r[2]), text(&r[4]), text(&r[5])),
        (
            "三班".into(),
            "张三".into(),
            "有效".into(),
            used["url"].as_str().unwrap().into()
        )
    );
    assert!(matches!(r[6], Data::DateTime(_)), "{:?}", r[6]);
    assert_eq!(
        r[8..].iter().map(text).collect::<Vec<_>>(),
        ["2", "1", "0", "0", "0", "0", "0"]
    );
    assert_eq!(text(&rows[2][5]), untouched["url"].as_str().unwrap());
    assert_eq!(rows[2][8..].iter().map(text).collect::<Vec<_>>(), ["0"; 7]);
    assert_eq!(formulas.iter().filter(|(_, c, _)| *c == 5).count(), 2);

    let rows = csv_rows(&fetch(&app, &format!("/api/posts/{post}/links/export?format=csv")).await);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][1..3], ["三班", "张三"]);
    assert_eq!(rows[1][8..10], ["2", "1"]);
}

#[tokio::test]
async fn statistics_per_day_export_for_a_note_a_link_and_an_account() {
    let app = spawn_app().await;
    let (post, account, link, _) = note_with_links(&app).await;
    let today = chrono::Utc::now().with_timezone(&Shanghai).date_naive();
    let from = today - chrono::Duration::days(2);
    for path in [
        format!("/api/posts/{post}/stats/export"),
        format!("/api/links/{}/stats/export", link["id"]),
        format!("/api/accounts/{account}/stats/export"),
    ] {
        let d = fetch(&app, &format!("{path}?from={from}&to={today}")).await;
        let (rows, _) = sheet(&d);
        let mut want = vec!["日期"];
        want.extend(COUNTS);
        assert_eq!(rows[0].iter().map(text).collect::<Vec<_>>(), want, "{path}");
        assert_eq!(rows.len(), 4, "three days, zeros included: {path}");
        let day = |r: &[Data]| match &r[0] {
            Data::DateTime(t) => t.as_datetime().unwrap().date(),
            other => panic!("not a date: {other:?}"),
        };
        assert_eq!(day(&rows[1]), from);
        assert_eq!(day(&rows[3]), today);
        assert_eq!(rows[1][1..].iter().map(text).collect::<Vec<_>>(), ["0"; 7]);
        assert_eq!(
            rows[3][1..].iter().map(text).collect::<Vec<_>>(),
            ["2", "1", "0", "0", "0", "0", "0"],
            "{path}"
        );
        let csv =
            csv_rows(&fetch(&app, &format!("{path}?format=csv&from={today}&to={today}")).await);
        assert_eq!(
            csv[1][..3],
            [today.to_string(), "2".into(), "1".into()],
            "{path}"
        );
    }
}
