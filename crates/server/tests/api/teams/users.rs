//! Users and roles: an admin invites people with a role (a generated
//! password shown once), changes roles, disables and resets; each of these
//! ends the user's sessions at once; the last admin stays.
use super::{add_user, login_as};
use crate::helpers::{problem, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn me_status(app: &TestApp, token: &str) -> StatusCode {
    app.client
        .get(app.url("/api/auth/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn an_admin_invites_an_operator_and_a_reviewer_with_generated_passwords() {
    let app = spawn_app().await;
    for (name, role) in [("olivia", "operator"), ("rita", "reviewer")] {
        let res = app
            .post_json("/api/users", &json!({"username": name, "role": role}))
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(res.headers()["cache-control"], "no-store");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["user"]["username"], name);
        assert_eq!(body["user"]["role"], role);
        assert_eq!(body["user"]["disabled"], false);
        let password = body["password"].as_str().unwrap();
        assert!(password.len() >= 12, "generated: {password}");

        let login = app.login(name, password).await;
        assert_eq!(login.status(), StatusCode::OK, "the shown password works");
        let token = login.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_owned();
        let me: Value = app
            .client
            .get(app.url("/api/auth/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["role"], role);
    }
    let list: Value = app.get("/api/users").await.json().await.unwrap();
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin", "olivia", "rita"]);
    let text = serde_json::to_string(&list).unwrap();
    assert!(!text.contains("password"), "no password or hash is listed");
}

#[tokio::test]
async fn a_given_password_is_not_echoed_and_a_taken_name_is_a_conflict() {
    let app = spawn_app().await;
    let body = json!({"username": "vera", "role": "viewer", "password": "long enough pass"});
    let res = app.post_json("/api/users", &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(res.json::<Value>().await.unwrap()["password"], Value::Null);
    assert_eq!(
        app.login("vera", "long enough pass").await.status(),
        StatusCode::OK
    );
    let (status, p) = problem(app.post_json("/api/users", &body).await).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("conflict"))
    );
}

#[tokio::test]
async fn bad_user_input_is_a_422_naming_each_field() {
    let app = spawn_app().await;
    let cases = [
        (json!({"username": "", "role": "viewer"}), "username"),
        (
            json!({"username": "two words", "role": "viewer"}),
            "username",
        ),
        (
            json!({"username": "x".repeat(65), "role": "viewer"}),
            "username",
        ),
        (json!({"username": "a\u{0}b", "role": "viewer"}), "username"),
        (json!({"username": "ok", "role": "owner"}), "role"),
        (
            json!({"username": "ok", "role": "viewer", "password": "short"}),
            "password",
        ),
    ];
    for (body, field) in cases {
        let (status, p) = problem(app.post_json("/api/users", &body).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(p["errors"][0]["field"], field, "{body}: {p}");
    }
    let (status, p) = problem(app.put_json("/api/users/1", &json!({"role": "root"})).await).await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("role"))
    );
    let (status, p) = problem(
        app.put_json("/api/users/999", &json!({"disabled": true}))
            .await,
    )
    .await;
    assert_eq!(
        (status, p["resource"].as_str()),
        (StatusCode::NOT_FOUND, Some("user"))
    );
}

#[tokio::test]
async fn a_role_change_a_disable_and_a_reset_each_end_the_sessions_at_once() {
    let app = spawn_app().await;
    let id = add_user(&app, "sam", "operator").await;
    let path = format!("/api/users/{id}");

    // A role change: the old session is refused; a new one has the new role.
    let s1 = login_as(&app, "sam").await;
    let res = app.put_json(&path, &json!({"role": "viewer"})).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap()["user"]["role"], "viewer");
    assert_eq!(me_status(&app, &s1.token).await, StatusCode::UNAUTHORIZED);

    // A reset: the old password and session stop, the new password works.
    let s2 = login_as(&app, "sam").await;
    let res = app.put_json(&path, &json!({"reset_password": true})).await;
    let body: Value = res.json().await.unwrap();
    let fresh = body["password"].as_str().unwrap().to_owned();
    assert_eq!(me_status(&app, &s2.token).await, StatusCode::UNAUTHORIZED);
    let old = super::password_of("sam");
    assert_eq!(
        app.login("sam", &old).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let res = app.login("sam", &fresh).await;
    assert_eq!(res.status(), StatusCode::OK);
    let s3 = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();

    // Disabled: the session stops and no login works, even the right one.
    let res = app.put_json(&path, &json!({"disabled": true})).await;
    assert_eq!(res.json::<Value>().await.unwrap()["user"]["disabled"], true);
    assert_eq!(me_status(&app, &s3).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.login("sam", &fresh).await.status(),
        StatusCode::UNAUTHORIZED
    );

    // Enabled again: logins work again.
    app.put_json(&path, &json!({"disabled": false})).await;
    assert_eq!(app.login("sam", &fresh).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_last_enabled_admin_can_be_neither_demoted_nor_disabled() {
    let app = spawn_app().await;
    let users: Value = app.get("/api/users").await.json().await.unwrap();
    let admin = users["items"][0]["id"].as_i64().unwrap();
    for change in [json!({"role": "reviewer"}), json!({"disabled": true})] {
        let res = app.put_json(&format!("/api/users/{admin}"), &change).await;
        let (status, p) = problem(res).await;
        assert_eq!(
            (status, p["code"].as_str()),
            (StatusCode::CONFLICT, Some("last_admin")),
            "{change}"
        );
    }
    assert_eq!(
        app.get("/api/auth/me").await.status(),
        StatusCode::OK,
        "still admin"
    );

    // With a second admin, the first may step down.
    let second = add_user(&app, "ada", "admin").await;
    let res = app
        .put_json(&format!("/api/users/{admin}"), &json!({"role": "operator"}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let ada = login_as(&app, "ada").await;
    let res = ada
        .send(
            reqwest::Method::PUT,
            &format!("/api/users/{second}"),
            Some(&json!({"disabled": true})),
        )
        .await;
    let (status, p) = problem(res).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (StatusCode::CONFLICT, Some("last_admin"))
    );
}

#[tokio::test]
async fn the_teams_migration_goes_down_and_up_again() {
    use xhs_persistence::ConnectionTrait;
    let app = spawn_app().await;
    add_user(&app, "keep", "viewer").await;

    // Down to before this migration: the ones after it (review, versions) first.
    crate::helpers::migrate_down_through(&app.db, "m20261124_000016_add_roles_tokens_audit").await;
    let gone = app
        .db
        .execute_unprepared("SELECT COUNT(*) FROM audit_log")
        .await;
    assert!(gone.is_err(), "audit_log dropped");
    assert!(app
        .db
        .execute_unprepared("SELECT role FROM operator")
        .await
        .is_err());

    xhs_persistence::migrate(&app.db).await.unwrap();
    let users: Value = app.get("/api/users").await.json().await.unwrap();
    let roles: Vec<&str> = users["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        ["admin", "admin"],
        "every existing operator is admin again"
    );
}

/// The enabled admins' names, read by whichever of `names` is still an admin.
async fn enabled_admins(app: &TestApp, names: [&str; 2]) -> Vec<String> {
    for name in names {
        let res = login_as(app, name)
            .await
            .send(reqwest::Method::GET, "/api/users", None)
            .await;
        if res.status() == StatusCode::OK {
            let users: Value = res.json().await.unwrap();
            return users["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|u| u["role"] == "admin" && u["disabled"] == false)
                .map(|u| u["username"].as_str().unwrap().to_owned())
                .collect();
        }
    }
    Vec::new()
}

#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one_admin() {
    let app = spawn_app().await;
    let me: Value = app.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me["username"], "admin");
    let users: Value = app.get("/api/users").await.json().await.unwrap();
    let admin = users["items"][0]["id"].as_i64().unwrap();
    for round in 0..5 {
        let name = format!("peer{round}");
        let first = login_as(&app, "admin").await;
        let res = first
            .send(
                reqwest::Method::POST,
                "/api/users",
                Some(&json!({"username": name, "role": "admin", "password": super::password_of(&name)})),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let peer = res.json::<Value>().await.unwrap()["user"]["id"]
            .as_i64()
            .unwrap();
        let peer_caller = login_as(&app, &name).await;
        let demote = json!({"role": "operator"});
        let (peer_path, admin_path) = (format!("/api/users/{peer}"), format!("/api/users/{admin}"));
        let (a, b) = tokio::join!(
            first.send(reqwest::Method::PUT, &peer_path, Some(&demote)),
            peer_caller.send(reqwest::Method::PUT, &admin_path, Some(&demote)),
        );
        // The loser is 409 `last_admin`, or 401 when the winner's change
        // ended its session before it was even let in.
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses[0], StatusCode::OK, "round {round}: {statuses:?}");
        assert!(
            [StatusCode::UNAUTHORIZED, StatusCode::CONFLICT].contains(&statuses[1]),
            "round {round}: one demotion passes, not both: {statuses:?}"
        );
        let admins = enabled_admins(&app, ["admin", &name]).await;
        assert_eq!(admins.len(), 1, "round {round}: {admins:?}");
        // The next round starts with `admin` as the one admin again.
        if admins[0] != "admin" {
            let res = login_as(&app, &admins[0])
                .await
                .send(
                    reqwest::Method::PUT,
                    &admin_path,
                    Some(&json!({"role": "admin"})),
                )
                .await;
            assert_eq!(res.status(), StatusCode::OK);
            let res = login_as(&app, "admin")
                .await
                .send(reqwest::Method::PUT, &peer_path, Some(&demote))
                .await;
            assert_eq!(res.status(), StatusCode::OK);
        }
    }
}
