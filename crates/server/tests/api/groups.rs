//! Groups of accounts (issue 19 item 1): a group holds accounts, an account
//! may be in several, deleting a group keeps its accounts, and the accounts
//! list filters by group and by name and names each account's groups.
use crate::helpers::{problem, spawn_app, TestApp};
use crate::teams::{add_user, audit_entries, login_as};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn account(app: &TestApp, name: &str, nickname: Option<&str>) -> i64 {
    let res = app
        .post_json(
            "/api/accounts",
            &json!({"name": name, "nickname": nickname, "kind": "student"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

async fn group(app: &TestApp, name: &str) -> i64 {
    let res = app.post_json("/api/groups", &json!({"name": name})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        (body["name"].as_str(), body["member_count"].as_u64()),
        (Some(name), Some(0))
    );
    body["id"].as_i64().unwrap()
}

async fn add(app: &TestApp, group: i64, ids: &[i64]) -> reqwest::Response {
    app.post_json(
        &format!("/api/groups/{group}/members"),
        &json!({"account_ids": ids}),
    )
    .await
}

async fn ok_json(res: reqwest::Response) -> Value {
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// (account name, [group names]) of `GET /api/accounts?{query}`.
async fn listed(app: &TestApp, query: &str) -> Vec<(String, Vec<String>)> {
    let body = ok_json(app.get(&format!("/api/accounts?{query}")).await).await;
    body.as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let groups = a["groups"].as_array().unwrap();
            let names = groups
                .iter()
                .map(|g| g["name"].as_str().unwrap().to_owned())
                .collect();
            (a["name"].as_str().unwrap().to_owned(), names)
        })
        .collect()
}

fn named(rows: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    rows.iter()
        .map(|(a, gs)| {
            (
                (*a).to_owned(),
                gs.iter().map(|g| (*g).to_owned()).collect(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_group_is_filled_renamed_and_deleted_while_its_accounts_stay() {
    let app = spawn_app().await;
    let (a, b) = (
        account(&app, "王同学", None).await,
        account(&app, "李同学", None).await,
    );
    let g = group(&app, "三班").await;

    let body = ok_json(add(&app, g, &[a, b, a]).await).await;
    assert_eq!(body["account_ids"], json!([a.min(b), a.max(b)]));
    assert_eq!(body["member_count"], 2);
    // Adding again changes nothing.
    let body = ok_json(add(&app, g, &[b]).await).await;
    assert_eq!(body["member_count"], 2);

    let res = app
        .put_json(&format!("/api/groups/{g}"), &json!({"name": "初二三班"}))
        .await;
    assert_eq!(ok_json(res).await["name"], "初二三班");
    let all = ok_json(app.get("/api/groups").await).await;
    assert_eq!(all[0]["name"], "初二三班");
    assert_eq!(all[0]["member_count"], 2);
    assert_eq!(
        listed(&app, &format!("group_id={g}")).await,
        named(&[("王同学", &["初二三班"]), ("李同学", &["初二三班"])])
    );
    let one = ok_json(app.get(&format!("/api/accounts/{a}")).await).await;
    assert_eq!(one["groups"], json!([{"id": g, "name": "初二三班"}]));

    let other = group(&app, "周末班").await;
    ok_json(add(&app, other, &[a]).await).await;
    assert_eq!(
        app.delete(&format!("/api/groups/{g}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let (status, p) = problem(app.get(&format!("/api/groups/{g}")).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    // The accounts stay, and so do their other groups.
    assert_eq!(
        listed(&app, "").await,
        named(&[("王同学", &["周末班"]), ("李同学", &[])])
    );
    let rest = ok_json(app.get(&format!("/api/groups/{other}")).await).await;
    assert_eq!(rest["account_ids"], json!([a]));
    assert_eq!(
        app.delete(&format!("/api/groups/{g}")).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_account_in_several_groups_is_listed_with_all_of_them_until_taken_out() {
    let app = spawn_app().await;
    let a = account(&app, "品牌主号", None).await;
    let b = account(&app, "测试号", None).await;
    let (g1, g2) = (group(&app, "品牌").await, group(&app, "Autumn push").await);
    ok_json(add(&app, g1, &[a]).await).await;
    ok_json(add(&app, g2, &[a, b]).await).await;
    assert_eq!(
        listed(&app, "").await,
        named(&[
            ("品牌主号", &["Autumn push", "品牌"]),
            ("测试号", &["Autumn push"])
        ])
    );

    let out = app.delete(&format!("/api/groups/{g2}/members/{a}")).await;
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    // Again: nothing to take out, still fine.
    let again = app.delete(&format!("/api/groups/{g2}/members/{a}")).await;
    assert_eq!(again.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        listed(&app, &format!("group_id={g2}")).await,
        named(&[("测试号", &["Autumn push"])])
    );
    assert_eq!(
        listed(&app, &format!("group_id={g1}")).await,
        named(&[("品牌主号", &["品牌"])])
    );

    // A deleted account leaves its groups' lists and counts.
    assert_eq!(
        app.delete(&format!("/api/accounts/{b}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let detail = ok_json(app.get(&format!("/api/groups/{g2}")).await).await;
    assert_eq!(
        (
            detail["member_count"].as_u64(),
            detail["account_ids"].clone()
        ),
        (Some(0), json!([]))
    );
    let res = app.delete("/api/groups/999999/members/1").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_group_name_is_taken_in_any_ascii_case_and_must_be_one_to_fifty_characters() {
    let app = spawn_app().await;
    group(&app, "Class A").await;
    let other = group(&app, "Class B").await;
    for (method, path) in [
        ("post", "/api/groups".to_owned()),
        ("put", format!("/api/groups/{other}")),
    ] {
        let body = json!({"name": " class a "});
        let res = match method {
            "post" => app.post_json(&path, &body).await,
            _ => app.put_json(&path, &body).await,
        };
        let (status, p) = problem(res).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{method}");
        assert_eq!(p["errors"][0]["field"], "name", "{p}");
        assert_eq!(p["errors"][0]["rule"], "unique", "{p}");
    }
    for (name, rule) in [("  ", "required"), (&"班".repeat(51)[..], "max_chars")] {
        let (status, p) = problem(app.post_json("/api/groups", &json!({"name": name})).await).await;
        assert_eq!(
            (status, p["errors"][0]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("name"))
        );
        assert_eq!(p["errors"][0]["rule"], rule);
    }
    // Renaming to its own name in another case is no conflict.
    let res = app
        .put_json(&format!("/api/groups/{other}"), &json!({"name": "CLASS B"}))
        .await;
    assert_eq!(ok_json(res).await["name"], "CLASS B");
    assert_eq!(
        ok_json(app.get("/api/groups").await)
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn unknown_or_deleted_accounts_are_named_and_none_of_the_list_is_added() {
    let app = spawn_app().await;
    let (a, b) = (
        account(&app, "甲", None).await,
        account(&app, "乙", None).await,
    );
    assert_eq!(
        app.delete(&format!("/api/accounts/{b}")).await.status(),
        StatusCode::NO_CONTENT
    );
    let g = group(&app, "一组").await;

    let (status, p) = problem(add(&app, g, &[a, b, 987_654]).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(&str, &str)> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [("account_ids[1]", "exists"), ("account_ids[2]", "exists")]
    );
    assert_eq!(
        ok_json(app.get(&format!("/api/groups/{g}")).await).await["member_count"],
        0
    );

    let (status, p) = problem(add(&app, g, &[]).await).await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("account_ids"))
    );
    let (status, _) = problem(add(&app, 987_654, &[a]).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn accounts_are_found_by_name_or_nickname_in_either_case_with_like_characters_literal() {
    let app = spawn_app().await;
    account(&app, "Brand Main", Some("品牌主号")).await;
    let w = account(&app, "三班 王同学", Some("xiaowang")).await;
    account(&app, "100%_real", None).await;
    let g = group(&app, "三班").await;
    ok_json(add(&app, g, &[w]).await).await;
    let names =
        |rows: Vec<(String, Vec<String>)>| rows.into_iter().map(|r| r.0).collect::<Vec<_>>();

    assert_eq!(names(listed(&app, "q=bRAND").await), ["Brand Main"]);
    assert_eq!(
        names(listed(&app, "q=%E5%93%81%E7%89%8C").await),
        ["Brand Main"]
    ); // 品牌, the nickname
    assert_eq!(names(listed(&app, "q=XIAOWANG").await), ["三班 王同学"]);
    assert_eq!(names(listed(&app, "q=%25").await), ["100%_real"]);
    assert_eq!(names(listed(&app, "q=_").await), ["100%_real"]);
    assert_eq!(
        names(listed(&app, &format!("q=%E7%8E%8B&group_id={g}")).await),
        ["三班 王同学"]
    );
    assert_eq!(
        names(listed(&app, &format!("q=brand&group_id={g}")).await),
        Vec::<String>::new()
    );
    assert_eq!(listed(&app, "q=").await.len(), 3);

    let (status, p) = problem(app.get("/api/accounts?group_id=987654").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        (
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["rule"].as_str()
        ),
        (Some("group_id"), Some("exists"))
    );
}

#[tokio::test]
async fn viewers_read_groups_operators_change_them_and_each_change_is_audited() {
    let app = spawn_app().await;
    let a = account(&app, "甲", None).await;
    add_user(&app, "vera", "viewer").await;
    let viewer = login_as(&app, "vera").await;
    let g = group(&app, "一组").await;
    ok_json(add(&app, g, &[a]).await).await;

    assert_eq!(
        viewer.get(&format!("/api/groups/{g}")).await.status(),
        StatusCode::OK
    );
    let (status, p) = problem(viewer.post_json("/api/groups", &json!({"name": "x"})).await).await;
    assert_eq!(
        (status, p["required_role"].as_str()),
        (StatusCode::FORBIDDEN, Some("operator"))
    );

    let entries = audit_entries(&app, &format!("target_type=group&target_id={g}")).await;
    let mut actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    actions.sort();
    assert_eq!(actions, ["create", "create"], "{entries:?}");
}
