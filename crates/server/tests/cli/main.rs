//! The binary as a newcomer runs it: first start on a fresh SQLite file, the
//! printed password works, configuration comes from XHSPUB__ variables.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod signals;
#[path = "../support/mod.rs"]
mod support;
use support::{get_json, log_in};

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
fn start(envs: &[(&str, &str)]) -> Running {
    start_with(Command::new(BIN), envs)
}

/// [`start`] through `cmd`, which execs the binary (a shell that sets a
/// limit first, say).
#[allow(clippy::zombie_processes)]
fn start_with(mut cmd: Command, envs: &[(&str, &str)]) -> Running {
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
    let token = &log_in(&app.base, &password).await;
    let posts = get_json(&app.base, "/api/posts", token).await;
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
