//! What the black-box tests of the real binary share (one copy, included by
//! each test binary with `mod support`; not every binary uses every part).
#![allow(dead_code)]

/// Logs in as the first start's admin at `base` (`http://host:port`) and
/// gives the session token.
pub(crate) async fn log_in(base: &str, password: &str) -> String {
    let login: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/api/auth/login"))
        .json(&serde_json::json!({"username": "admin", "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    login["token"]
        .as_str()
        .unwrap_or_else(|| panic!("{password} logs in: {login}"))
        .to_owned()
}

/// `GET base + path` with `token`, read as JSON.
pub(crate) async fn get_json(base: &str, path: &str, token: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
