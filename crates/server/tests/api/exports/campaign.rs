use super::{csv_rows, fetch, file_name, header_frozen, sheet, text, time};
use crate::campaigns::{
    accounts, arrive, assignments, body, create, group, instant, notes, step, token_of, until,
};
use crate::helpers::{spawn_app, TestApp};
use crate::share::event;
use chrono::NaiveDateTime;
use chrono_tz::Asia::Shanghai;
use serde_json::{json, Value};

const NOTE: &str = "https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b";

const HEADERS: [&str; 14] = [
    "编号",
    "账号",
    "分组",
    "笔记标题",
    "变体",
    "渠道",
    "计划时间",
    "状态",
    "打开时间",
    "点击发布时间",
    "发布时间",
    "分享链接",
    "笔记链接",
    "原因",
];

/// A launched campaign of one note for 学生00 (published: opened, tapped,
/// confirmed) and 学生01 (its link open, untouched), both in 三班.
async fn published_and_open(app: &TestApp) -> (i64, Vec<Value>) {
    let posts = notes(app, 1).await;
    let people = accounts(app, "学生", 2, "student").await;
    let class = group(app, "三班", &people).await;
    let id = create(app, &body(&posts, &[], &[class], 2)).await["id"]
        .as_i64()
        .unwrap();
    step(app, id, "plan").await;
    step(app, id, "launch").await;
    let list = assignments(app, id, "").await;
    for a in &list {
        arrive(app, a).await;
    }
    let done = list.iter().find(|a| a["account_id"] == people[0]).unwrap();
    for kind in ["opened", "publish_tapped"] {
        let res = event(app, &token_of(done), json!({"kind": kind})).await;
        assert!(res.status().is_success());
    }
    let res = app
        .client
        .post(app.url(&format!("/api/share/{}/confirm", token_of(done))))
        .json(&json!({"note_url": NOTE}))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    let list = until(app, id, |a| {
        a["status"]
            == if a["account_id"] == people[0] {
                "published"
            } else {
                "open"
            }
    })
    .await;
    (id, list)
}

fn local(v: &Value) -> NaiveDateTime {
    instant(v).with_timezone(&Shanghai).naive_local()
}

fn close(cell: &str, want: NaiveDateTime) {
    let got = NaiveDateTime::parse_from_str(cell, "%Y-%m-%d %H:%M:%S").unwrap();
    assert!((got - want).num_seconds().abs() <= 1, "{got} != {want}");
}

#[tokio::test]
async fn a_campaign_exports_who_has_published_to_excel_with_local_times_and_clickable_links() {
    let app = spawn_app().await;
    let (id, list) = published_and_open(&app).await;
    let d = fetch(&app, &format!("/api/campaigns/{id}/export")).await;
    assert!(d.disposition.starts_with("attachment"), "{}", d.disposition);
    let name = file_name(&d.disposition);
    assert!(
        name.starts_with("双十二推广-分配-") && name.ends_with(".xlsx"),
        "{name}"
    );
    assert!(header_frozen(&d));
    let (rows, formulas) = sheet(&d);
    assert_eq!(rows[0].iter().map(text).collect::<Vec<_>>(), HEADERS);
    assert_eq!(rows.len(), 3, "the header and two assignments");
    for a in &list {
        let r = rows
            .iter()
            .find(|r| text(&r[0]).parse::<i64>().ok() == a["id"].as_i64())
            .unwrap();
        assert_eq!(text(&r[1]), a["account_name"].as_str().unwrap());
        assert_eq!(text(&r[2]), "三班");
        assert_eq!(text(&r[3]), "第0篇笔记");
        assert_eq!(text(&r[5]), "分享链接");
        close(&time(&r[6]), local(&a["scheduled_at"]));
        assert_eq!(text(&r[11]), a["link_url"].as_str().unwrap());
        if a["status"] == "published" {
            assert_eq!(text(&r[7]), "已发布");
            close(&time(&r[8]), local(&a["opened_at"]));
            close(&time(&r[9]), local(&a["tapped_at"]));
            close(&time(&r[10]), local(&a["published_at"]));
            assert_eq!(text(&r[12]), NOTE);
        } else {
            assert_eq!(text(&r[7]), "已开放");
            assert_eq!(
                (text(&r[8]), text(&r[10]), text(&r[12])),
                Default::default()
            );
        }
    }
    let links: Vec<_> = formulas.iter().filter(|(_, c, _)| *c == 11).collect();
    assert_eq!(links.len(), 2, "{formulas:?}");
    assert!(
        links.iter().all(|(_, _, f)| f.starts_with("HYPERLINK(")),
        "{links:?}"
    );
}

#[tokio::test]
async fn a_campaign_exports_as_csv_with_a_bom_and_the_lists_filters() {
    let app = spawn_app().await;
    let (id, list) = published_and_open(&app).await;
    let d = fetch(&app, &format!("/api/campaigns/{id}/export?format=csv")).await;
    assert!(
        file_name(&d.disposition).ends_with(".csv"),
        "{}",
        d.disposition
    );
    let rows = csv_rows(&d);
    assert_eq!(rows[0], HEADERS);
    assert_eq!(rows.len(), 3);
    let published = list.iter().find(|a| a["status"] == "published").unwrap();
    let r = rows
        .iter()
        .find(|r| r[0].parse::<i64>().ok() == published["id"].as_i64())
        .unwrap();
    let fmt = |v: &Value| local(v).format("%Y-%m-%d %H:%M:%S").to_string();
    assert_eq!(
        (&r[1][..], &r[2][..], &r[7][..], &r[12][..]),
        ("学生00", "三班", "已发布", NOTE)
    );
    assert_eq!(
        [&r[6], &r[8], &r[9], &r[10]],
        [
            &fmt(&published["scheduled_at"]),
            &fmt(&published["opened_at"]),
            &fmt(&published["tapped_at"]),
            &fmt(&published["published_at"])
        ]
    );
    assert_eq!(r[11], published["link_url"].as_str().unwrap());

    let only = fetch(
        &app,
        &format!("/api/campaigns/{id}/export?format=csv&status=published"),
    )
    .await;
    let rows = csv_rows(&only);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1][1], "学生00");
}

#[tokio::test]
async fn a_campaigns_statistics_per_day_count_the_events_on_its_links() {
    let app = spawn_app().await;
    let (id, _) = published_and_open(&app).await;
    let today = chrono::Utc::now().with_timezone(&Shanghai).date_naive();
    let from = today - chrono::Duration::days(1);
    let d = fetch(
        &app,
        &format!("/api/campaigns/{id}/stats/export?format=csv&from={from}&to={today}"),
    )
    .await;
    let rows = csv_rows(&d);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[1][0], from.to_string());
    assert_eq!(rows[1][1..], ["0", "0", "0", "0", "0", "0", "0"]);
    assert_eq!(rows[2][0], today.to_string());
    assert_eq!(
        (&rows[2][1][..], &rows[2][2][..], &rows[2][7][..]),
        ("1", "1", "1")
    );
}
