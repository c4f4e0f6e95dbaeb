//! The binary and the signals and limits of its process: SIGTERM drains,
//! SIGKILL mid-send sends nothing twice, a low open-files limit is raised.
use super::{get_json, log_in, start, start_with, temp_db, BIN};
use serde_json::{json, Value};
use std::process::Command;
use std::time::{Duration, Instant};

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
    let token = log_in(&app.base, "drain-me-123").await;
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
        let page = get_json(base, "/api/tasks", token).await;
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
    let token = log_in(&first.base, "kill-me-123").await;
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
    let robots = get_json(&first.base, "/api/robots", &token).await;
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
    let token = log_in(&second.base, "kill-me-123").await;
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

/// Connections the test holds open at once, over the soft limit it starts
/// the server with.
const HELD: usize = 300;

#[tokio::test]
async fn a_low_open_files_limit_is_raised_so_more_connections_than_it_are_served() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (dir, url) = temp_db();
    let mut shell = Command::new("sh");
    shell.args(["-c", r#"ulimit -S -n 256 && exec "$0""#, BIN]);
    let app = start_with(
        shell,
        &[
            ("XHSPUB__DATABASE__URL", &url),
            ("XHSPUB__SERVER__DEMO_POST", "false"),
            ("XHSPUB__AUTH__ADMIN_PASSWORD", "limits-are-raised"),
        ],
    );
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", app.child.id())).unwrap();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .unwrap();
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        fields[3], fields[4],
        "the soft limit is the hard one: {line}"
    );
    assert_ne!(
        fields[3], "256",
        "raised from the 256 it started with: {line}"
    );

    // Every connection is opened and sends its request before any is read:
    // with 256 files the server could take about 240 and the rest would wait.
    let addr = app.base.trim_start_matches("http://").to_owned();
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    let mut held = Vec::with_capacity(HELD);
    for _ in 0..HELD {
        let mut conn = tokio::net::TcpStream::connect(&addr).await.unwrap();
        conn.write_all(request.as_bytes()).await.unwrap();
        held.push(conn);
    }
    let reads = held.iter_mut().map(|conn| async move {
        let mut buf = [0u8; 16];
        conn.read_exact(&mut buf).await.map(|_| buf)
    });
    let answers = tokio::time::timeout(
        Duration::from_secs(120),
        futures_util::future::join_all(reads),
    )
    .await
    .expect("every held connection is answered");
    for answer in answers {
        assert!(answer.unwrap().starts_with(b"HTTP/1.1 200"));
    }
    drop(app);
    let _ = std::fs::remove_dir_all(dir);
}
