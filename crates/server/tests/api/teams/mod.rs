//! Teams (issue 12, part A): roles enforced from the OpenAPI document, users,
//! API tokens and the audit log.
mod audit;
mod roles;
mod tokens;
mod users;

use crate::helpers::TestApp;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

/// Someone other than the test's admin: a bearer token on the same server.
pub struct Caller<'a> {
    pub app: &'a TestApp,
    pub token: String,
}

impl Caller<'_> {
    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Response {
        let mut req = self
            .app
            .client
            .request(method, self.app.url(path))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(b);
        }
        req.send().await.unwrap()
    }

    pub async fn get(&self, path: &str) -> Response {
        self.send(Method::GET, path, None).await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.send(Method::POST, path, Some(body)).await
    }
}

/// Creates a user with `role` and a given password; returns its id.
pub async fn add_user(app: &TestApp, username: &str, role: &str) -> i64 {
    let res = app
        .post_json(
            "/api/users",
            &json!({"username": username, "role": role, "password": password_of(username)}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["user"]["id"]
        .as_i64()
        .unwrap()
}

/// The password [`add_user`] gives a user (the first-start one for `admin`).
pub fn password_of(username: &str) -> String {
    match username {
        "admin" => crate::helpers::ADMIN_PASSWORD.to_owned(),
        _ => format!("{username}-secret-pass-1"),
    }
}

/// Logs `username` in with its [`password_of`].
pub async fn login_as<'a>(app: &'a TestApp, username: &str) -> Caller<'a> {
    let res = app.login(username, &password_of(username)).await;
    assert_eq!(res.status(), StatusCode::OK, "{username} logs in");
    let token = res.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    Caller { app, token }
}

/// A new API token with `role`; returns its id and a caller using it.
pub async fn api_token<'a>(app: &'a TestApp, name: &str, role: &str) -> (i64, Caller<'a>) {
    let res = app
        .post_json("/api/tokens", &json!({"name": name, "role": role}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    let caller = Caller {
        app,
        token: body["secret"].as_str().unwrap().to_owned(),
    };
    (body["token"]["id"].as_i64().unwrap(), caller)
}

/// The audit log's entries for a query (newest first).
pub async fn audit_entries(app: &TestApp, query: &str) -> Vec<Value> {
    let res = app.get(&format!("/api/audit?limit=100&{query}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page: Value = res.json().await.unwrap();
    page["items"].as_array().unwrap().clone()
}
