//! SIGTERM under load, on the real binary (SQLite).
//!
//! What counts as what, seen from a client that opens a connection per
//! request (`Connection: close`):
//! - *answered*: a whole HTTP response came back;
//! - *refused*: `connect` failed with ECONNREFUSED: nothing was sent, the
//!   client knows it can retry elsewhere. This is the only acceptable way
//!   to be turned away, and it happens only once the listener is shut;
//! - *lost*: the connection was established (the kernel completed the
//!   handshake, so the client sent its request) and then reset or closed
//!   without a response. Whether the server's accept thread had taken it
//!   yet or it still sat in the listen backlog, the client cannot tell and
//!   must guess whether it was stored: none may happen.
//!
//! Idle keep-alive connections must be closed with a FIN (`read` gives 0),
//! never reset. Every answered write must be found stored after a restart.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const BIN: &str = env!("CARGO_BIN_EXE_xhs-publisher");
const PASSWORD: &str = "shutdown-test-123";
/// Clients sending at once (each a new connection per request).
const CLIENTS: usize = 32;

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `serve` on port 0 over `db` and reads stdout until it says where
/// it listens; stdout is then drained by a thread, stderr goes to `log`.
fn start(db: &str, dir: &std::path::Path) -> Server {
    let log = std::fs::File::create(dir.join("server.log")).unwrap();
    let mut child = Command::new(BIN)
        .env("XHSPUB__DATABASE__URL", db)
        .env("XHSPUB__SERVER__PORT", "0")
        .env("XHSPUB__SERVER__DEMO_POST", "false")
        .env("XHSPUB__AUTH__ADMIN_PASSWORD", PASSWORD)
        .env("XHSPUB__MEDIA__DIR", dir.join("media"))
        .env("XHSPUB__SERVER__STATIC_DIR", "/nonexistent")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut seen = Vec::new();
    let addr = loop {
        let mut line = String::new();
        assert_ne!(reader.read_line(&mut line).unwrap(), 0, "exited: {seen:?}");
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
        seen.push(line);
    };
    std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));
    Server { child, addr }
}

async fn log_in(addr: &str) -> String {
    let login: Value = reqwest::Client::new()
        .post(format!("http://{addr}/api/auth/login"))
        .json(&json!({"username": "admin", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    login["token"].as_str().unwrap().to_owned()
}

#[derive(Debug)]
enum Outcome {
    Answered {
        status: u16,
        body: String,
    },
    Refused,
    /// Why, when the connection began and when it failed (to place it
    /// against the signal).
    Lost(String, Instant, Instant),
}

/// One request on a new connection, read to the end.
async fn once(addr: &str, request: &[u8]) -> Outcome {
    let began = Instant::now();
    let lost = |why: String| Outcome::Lost(why, began, Instant::now());
    let mut conn = match TcpStream::connect(addr).await {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => return Outcome::Refused,
        Err(e) => return lost(format!("connect: {e}")),
    };
    if let Err(e) = conn.write_all(request).await {
        return lost(format!("write: {e}"));
    }
    let mut answer = Vec::new();
    match conn.read_to_end(&mut answer).await {
        Ok(_) if answer.is_empty() => lost("closed without an answer".into()),
        Ok(_) => {
            let text = String::from_utf8_lossy(&answer).into_owned();
            let status = text
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let body = text.split("\r\n\r\n").nth(1).unwrap_or("").to_owned();
            Outcome::Answered { status, body }
        }
        Err(e) => lost(format!("read after {} bytes: {e}", answer.len())),
    }
}

fn create_request(addr: &str, token: &str, title: &str) -> Vec<u8> {
    let body = json!({"type": "normal", "title": title, "content": "shutdown",
        "image_urls": ["https://img.example.com/a.jpg"]})
    .to_string();
    format!(
        "POST /api/posts HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A keep-alive connection that got one answer and now sits idle.
async fn idle_keep_alive(addr: &str) -> TcpStream {
    let mut conn = TcpStream::connect(addr).await.unwrap();
    conn.write_all(format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = conn.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    conn
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_under_load_answers_every_accepted_request_and_stores_every_answered_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/app.db", dir.path().display());
    let mut server = start(&db, dir.path());
    let addr = server.addr.clone();
    let token = log_in(&addr).await;

    let answered = Arc::new(AtomicUsize::new(0));
    let written = Arc::new(AtomicUsize::new(0));
    let signalled = Arc::new(AtomicBool::new(false));
    let after_signal = Arc::new(AtomicUsize::new(0));
    let outcomes = Arc::new(Mutex::new(Vec::new()));
    let mut clients = Vec::new();
    for c in 0..CLIENTS {
        let (addr, token) = (addr.clone(), token.clone());
        let (answered, written, signalled, after_signal, outcomes) = (
            answered.clone(),
            written.clone(),
            signalled.clone(),
            after_signal.clone(),
            outcomes.clone(),
        );
        clients.push(tokio::spawn(async move {
            for i in 0.. {
                // Half the clients write; the other half read something cheap,
                // so that connections come and go fast around the signal.
                let (title, request) = if c % 2 == 0 {
                    let title = format!("c{c}-{i}");
                    let request = create_request(&addr, &token, &title);
                    (title, request)
                } else {
                    let request = format!(
                        "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
                    );
                    (String::new(), request.into_bytes())
                };
                let outcome = once(&addr, &request).await;
                let done = matches!(outcome, Outcome::Refused);
                if let Outcome::Answered { .. } = outcome {
                    answered.fetch_add(1, Ordering::SeqCst);
                    if !title.is_empty() {
                        written.fetch_add(1, Ordering::SeqCst);
                    }
                    if signalled.load(Ordering::SeqCst) {
                        after_signal.fetch_add(1, Ordering::SeqCst);
                    }
                }
                outcomes.lock().unwrap().push((title, outcome));
                if done {
                    break;
                }
            }
        }));
    }
    // Under way: every client is sending.
    let deadline = Instant::now() + Duration::from_secs(120);
    while answered.load(Ordering::SeqCst) < 10 * CLIENTS
        || written.load(Ordering::SeqCst) < 3 * CLIENTS
    {
        assert!(Instant::now() < deadline, "the load never got going");
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(idle_keep_alive(&addr).await);
    }

    signalled.store(true, Ordering::SeqCst);
    let signal = Instant::now();
    let pid = server.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());

    for mut conn in idle {
        let mut buf = [0u8; 64];
        let read = tokio::time::timeout(Duration::from_secs(60), conn.read(&mut buf)).await;
        assert!(
            matches!(read, Ok(Ok(0))),
            "an idle keep-alive connection is closed with a FIN, not reset: {read:?}"
        );
    }
    for client in clients {
        tokio::time::timeout(Duration::from_secs(120), client)
            .await
            .expect("every client is refused once the listener is shut")
            .unwrap();
    }
    let status = tokio::task::spawn_blocking(move || {
        let status = server.child.wait().unwrap();
        (server, status)
    });
    let (server, exit) = tokio::time::timeout(Duration::from_secs(120), status)
        .await
        .expect("the server exits after the drain")
        .unwrap();
    drop(server);
    let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap();
    assert!(exit.success(), "a clean exit: {exit:?}\n{log}");

    let outcomes = std::mem::take(&mut *outcomes.lock().unwrap());
    let lost: Vec<String> = outcomes
        .iter()
        .filter_map(|(title, o)| match o {
            Outcome::Lost(why, began, failed) => {
                let at = |t: &Instant| match t.checked_duration_since(signal) {
                    Some(after) => after.as_secs_f64() * 1e3,
                    None => -(signal - *t).as_secs_f64() * 1e3,
                };
                Some(format!(
                    "{title}: {why} (began {:.3} ms after the signal, failed {:.1} ms after)",
                    at(began),
                    at(failed)
                ))
            }
            _ => None,
        })
        .collect();
    assert!(
        lost.is_empty(),
        "accepted and not answered: {lost:?}\n{log}"
    );
    let created: Vec<(String, i64)> = outcomes
        .iter()
        .filter_map(|(title, o)| match o {
            Outcome::Answered { status, .. } if title.is_empty() => {
                assert_eq!(*status, 200);
                None
            }
            Outcome::Answered { status, body } => {
                assert_eq!(*status, 201, "{title}: {body}");
                let id = serde_json::from_str::<Value>(body).unwrap()["id"]
                    .as_i64()
                    .unwrap();
                Some((title.clone(), id))
            }
            _ => None,
        })
        .collect();
    let refused = outcomes
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Refused))
        .count();
    assert_eq!(refused, CLIENTS, "each client stops at its first refusal");
    assert!(
        after_signal.load(Ordering::SeqCst) > 0,
        "requests in flight at the signal were answered"
    );
    eprintln!(
        "{} requests answered ({} after SIGTERM), {} of them writes, {refused} refused, 0 lost",
        answered.load(Ordering::SeqCst),
        after_signal.load(Ordering::SeqCst),
        created.len()
    );

    // Every answered write is stored.
    let again = start(&db, dir.path());
    let token = log_in(&again.addr).await;
    let client = reqwest::Client::new();
    for (title, id) in &created {
        let post: Value = client
            .get(format!("http://{}/api/posts/{id}", again.addr))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(post["title"], title.as_str(), "post {id} stored");
    }
}
