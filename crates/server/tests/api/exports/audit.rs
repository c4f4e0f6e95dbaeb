use super::{csv_rows, fetch, sheet, text, time};
use crate::helpers::{problem, spawn_app};
use crate::teams::{add_user, audit_entries, login_as};
use chrono_tz::Asia::Shanghai;
use reqwest::StatusCode;

#[tokio::test]
async fn an_admin_exports_the_audit_log_with_the_lists_filters() {
    let app = spawn_app().await;
    add_user(&app, "vera", "viewer").await;
    let viewer = login_as(&app, "vera").await;
    let all = audit_entries(&app, "").await;
    let (rows, _) = sheet(&fetch(&app, "/api/audit/export").await);
    assert_eq!(
        rows[0].iter().map(text).collect::<Vec<_>>(),
        [
            "编号",
            "时间",
            "操作者",
            "操作者类型",
            "动作",
            "对象类型",
            "对象编号",
            "客户端地址",
            "详情"
        ]
    );
    assert_eq!(rows.len(), all.len() + 1, "every entry, newest first");
    for (r, e) in rows[1..].iter().zip(&all) {
        assert_eq!(text(&r[0]), e["id"].to_string());
        assert_eq!(text(&r[2]), e["actor"].as_str().unwrap());
        assert_eq!(text(&r[4]), e["action"].as_str().unwrap());
    }
    let newest = &all[0];
    let at = crate::campaigns::instant(&newest["at"]).with_timezone(&Shanghai);
    let got =
        chrono::NaiveDateTime::parse_from_str(&time(&rows[1][1]), "%Y-%m-%d %H:%M:%S").unwrap();
    assert!(
        (got - at.naive_local()).num_seconds().abs() <= 1,
        "{got} vs {at}"
    );

    let logins = audit_entries(&app, "action=login&actor=vera").await;
    assert_eq!(logins.len(), 1);
    let rows = csv_rows(&fetch(&app, "/api/audit/export?format=csv&action=login&actor=vera").await);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1][0], logins[0]["id"].to_string());
    assert_eq!(rows[1][2..5], ["vera", "user", "login"]);

    let (status, p) = problem(viewer.get("/api/audit/export").await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{p}");
}
