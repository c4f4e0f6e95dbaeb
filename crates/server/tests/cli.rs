//! The binary as a newcomer runs it: first start on a fresh SQLite file, the
//! printed password works, configuration comes from XHSPUB__ variables.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_xhs-publisher");

struct Running {
    child: Child,
    base: String,
    stdout: Vec<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_db() -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("xhs-cli-{}", uuid::Uuid::new_v4().simple()));
    let url = format!("sqlite://{}/nested/app.db", dir.display());
    (dir, url)
}

/// Starts `serve` on port 0 and reads stdout until it says where it listens.
// `Running`'s `Drop` kills and waits for the child; a failed start panics.
#[allow(clippy::zombie_processes)]
fn start(envs: &[(&str, &str)]) -> Running {
    let mut cmd = Command::new(BIN);
    cmd.env("XHSPUB__SERVER__PORT", "0")
        // Not ./data/media under the crate: uploads of these tests go to a temp dir.
        .env(
            "XHSPUB__MEDIA__DIR",
            std::env::temp_dir().join("xhs-cli-media"),
        )
        .env("XHSPUB__SERVER__STATIC_DIR", "/nonexistent")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut stdout = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        assert!(
            Instant::now() < deadline,
            "no 'listening on' line: {stdout:?}"
        );
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("the server exited: {stdout:?}");
        }
        if let Some(rest) = line.split("listening on ").nth(1) {
            let base = rest.split_whitespace().next().unwrap().to_owned();
            stdout.push(line);
            return Running {
                child,
                base,
                stdout,
            };
        }
        stdout.push(line);
    }
}

#[tokio::test]
async fn first_start_creates_the_database_prints_a_password_that_logs_in_and_a_demo_post() {
    let (dir, url) = temp_db();
    let app = start(&[("XHSPUB__DATABASE__URL", &url)]);
    assert!(
        dir.join("nested/app.db").exists(),
        "the SQLite file and its folder were created"
    );
    let out = app.stdout.join("");
    let password = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("password: "))
        .expect("a password is printed")
        .to_owned();
    assert!(out.contains("Demo post #1"), "{out}");

    let client = reqwest::Client::new();
    let login: Value = client
        .post(format!("{}/api/auth/login", app.base))
        .json(&json!({"username": "admin", "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"]
        .as_str()
        .expect("the printed password logs in");
    let posts: Value = client
        .get(format!("{}/api/posts", app.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(posts["items"][0]["id"], 1);
    assert!(
        out.contains("phones cannot open") && out.contains("XHSPUB__SERVER__PUBLIC_URL"),
        "a loopback public URL is warned about: {out}"
    );
    // The demo's images are served by this server: no outside site, works offline.
    for image in posts["items"][0]["image_urls"].as_array().unwrap() {
        let image = image.as_str().unwrap();
        assert!(image.starts_with(&app.base), "{image}");
        let res = client.get(image).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "image/jpeg");
    }
    let publish = client
        .get(format!("{}/api/post/publish/1", app.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(publish.status(), 503, "no XHS credentials configured");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_admin_password_comes_from_the_environment_and_is_not_printed() {
    let (dir, url) = temp_db();
    let app = start(&[
        ("XHSPUB__DATABASE__URL", &url),
        ("XHSPUB__AUTH__ADMIN_PASSWORD", "from-the-env-123"),
    ]);
    assert!(!app.stdout.join("").contains("from-the-env-123"));
    let res = reqwest::Client::new()
        .post(format!("{}/api/auth/login", app.base))
        .json(&json!({"username": "admin", "password": "from-the-env-123"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn user_add_reads_the_password_from_stdin_and_migrate_is_idempotent() {
    let (dir, url) = temp_db();
    for _ in 0..2 {
        let out = Command::new(BIN)
            .arg("migrate")
            .env("XHSPUB__DATABASE__URL", &url)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let add = |password: &str| {
        let mut child = Command::new(BIN)
            .args(["user", "add", "teacher", "--password-stdin"])
            .env("XHSPUB__DATABASE__URL", &url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(password.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let created = add("a-long-password\n");
    assert!(String::from_utf8_lossy(&created.stdout).contains("operator teacher created"));
    let reset = add("another-long-one\n");
    assert!(String::from_utf8_lossy(&reset.stdout).contains("password reset"));
    let short = add("short\n");
    assert!(
        !short.status.success(),
        "a password under 8 characters is refused"
    );
    assert!(
        String::from_utf8_lossy(&created.stdout).contains("created as admin"),
        "a new operator is admin unless told"
    );
    let user = |args: &[&str]| {
        Command::new(BIN)
            .args(["user", "add"])
            .args(args)
            .env("XHSPUB__DATABASE__URL", &url)
            .output()
            .unwrap()
    };
    let viewer = user(&["reader", "--role", "viewer"]);
    assert!(String::from_utf8_lossy(&viewer.stdout).contains("operator reader created as viewer"));
    let bad = user(&["owner", "--role", "owner"]);
    assert!(!bad.status.success(), "not a role");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("viewer, operator, reviewer, admin"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_bad_database_url_fails_with_a_message_not_a_panic() {
    let out = Command::new(BIN)
        .arg("migrate")
        .env("XHSPUB__DATABASE__URL", "redis://127.0.0.1/0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not one of sqlite, mysql, postgres"), "{err}");
}

#[test]
fn the_committed_openapi_document_matches_the_code() {
    let out = Command::new(BIN).arg("openapi").output().unwrap();
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../openapi/openapi.json"
    ))
    .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout) == committed,
        "openapi/openapi.json is stale: run `just openapi` (cargo run -p xhs-server -- openapi > openapi/openapi.json)"
    );
}

#[tokio::test]
async fn sigterm_drains_the_request_in_flight_and_exits_cleanly() {
    let fake = xhs_fakes::FakeXhs::start("red.cliKey", "cli-secret-9f2").await;
    fake.set_mode(xhs_fakes::FakeMode::Delay(Duration::from_millis(1500)));
    let (dir, url) = temp_db();
    let mut app = start(&[
        ("XHSPUB__DATABASE__URL", &url),
        ("XHSPUB__AUTH__ADMIN_PASSWORD", "drain-me-123"),
        ("XHSPUB__XHS__APP_KEY", "red.cliKey"),
        ("XHSPUB__XHS__APP_SECRET", "cli-secret-9f2"),
        ("XHSPUB__XHS__API_BASE", &fake.base_url()),
    ]);
    let client = reqwest::Client::new();
    let login: Value = client
        .post(format!("{}/api/auth/login", app.base))
        .json(&json!({"username": "admin", "password": "drain-me-123"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"].as_str().unwrap().to_owned();
    // The publish waits 1.5 s on XHS: it is in flight when SIGTERM arrives.
    let in_flight = tokio::spawn(
        client
            .get(format!("{}/api/post/publish/1", app.base))
            .bearer_auth(token)
            .send(),
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    let pid = app.child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());

    let res = in_flight
        .await
        .unwrap()
        .expect("the request in flight is answered");
    assert_eq!(res.status(), 200, "drained, not cut off");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(s) = app.child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "a clean exit after SIGTERM: {status:?}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Polls the API until `check` holds for the tasks, or fails after `secs`.
async fn tasks_until(base: &str, token: &str, secs: u64, check: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let page: Value = reqwest::Client::new()
            .get(format!("{base}/api/tasks"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if check(&page["items"]) {
            return page["items"].clone();
        }
        assert!(
            Instant::now() < deadline,
            "tasks never became as expected: {page}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_process_killed_mid_send_leaves_the_task_unknown_and_sends_nothing_twice() {
    use xhs_fakes::robots::FakeRobots;
    let fake = FakeRobots::start("kill-test-token", 1).await;
    // The provider holds the call: the process is killed while it is in flight.
    fake.set_publish_delay(Duration::from_secs(30));
    let (dir, url) = temp_db();
    let base = fake.base_url();
    let env = [
        ("XHSPUB__DATABASE__URL", url.as_str()),
        ("XHSPUB__AUTH__ADMIN_PASSWORD", "kill-me-123"),
        ("XHSPUB__SERVER__DEMO_POST", "false"),
        ("XHSPUB__ROBOTS__BASE_URL", base.as_str()),
        ("XHSPUB__ROBOTS__MERCHANT_TOKEN", "kill-test-token"),
        ("XHSPUB__ROBOTS__DISPATCH_TICK_MS", "100"),
        ("XHSPUB__ROBOTS__TIMEOUT_MS", "5000"),
        ("XHSPUB__ROBOTS__LEASE_SECS", "2"),
    ];
    let mut first = start(&env);
    let client = reqwest::Client::new();
    let login = |b: String| {
        let client = client.clone();
        async move {
            let v: Value = client
                .post(format!("{b}/api/auth/login"))
                .json(&json!({"username": "admin", "password": "kill-me-123"}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            v["token"].as_str().unwrap().to_owned()
        }
    };
    let token = login(first.base.clone()).await;
    let call = |path: &str, body: Value| {
        client
            .post(format!("{}{path}", first.base))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    assert_eq!(
        call("/api/robots/sync", json!({})).await.unwrap().status(),
        200
    );
    let robots: Value = client
        .get(format!("{}/api/robots", first.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let post: Value = call(
        "/api/posts",
        json!({"type": "normal", "title": "t", "content": "c", "image_urls": ["https://img.example.com/1.jpg"]}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let res = call(
        &format!("/api/posts/{}/dispatch", post["id"]),
        json!({"robot_ids": [robots["items"][0]["id"]]}),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 201);
    let deadline = Instant::now() + Duration::from_secs(20);
    while fake.publish_requests() == 0 {
        assert!(Instant::now() < deadline, "the dispatcher never called");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let sending = tasks_until(&first.base, &token, 5, |t| t[0]["status"] == "sending").await;
    assert_eq!(sending[0]["status"], "sending");

    // Killed between `sending` and `accepted`, then started again on the same database.
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    let second = start(&env);
    let token = login(second.base.clone()).await;
    let unknown = tasks_until(&second.base, &token, 20, |t| t[0]["status"] == "unknown").await;

    assert!(unknown[0]["reason"].as_str().unwrap().contains("resend"));
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        fake.publish_requests(),
        1,
        "not sent a second time on its own"
    );
    drop(second);
    let _ = std::fs::remove_dir_all(dir);
}
