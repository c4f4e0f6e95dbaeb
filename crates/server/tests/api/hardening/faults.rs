//! A lost database: every endpoint answers 503 `database_unavailable` within
//! 2 s, and the server recovers by itself once the database is back. A TCP
//! relay between the server and the database is cut and restored. Runs on
//! PostgreSQL and MariaDB (SQLite has no connection to lose).
use crate::helpers::{problem, spawn_app_with, Options, TestApp};
use reqwest::StatusCode;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// How the relay fails.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// Every relayed connection is closed, new ones are closed at once.
    Refused,
    /// Connections stay open and carry nothing, new ones are accepted and
    /// never answered (a hung database, a black-holed network).
    Silent,
}

const UP: u8 = 0;
const REFUSED: u8 = 1;
const SILENT: u8 = 2;

/// Forwards 127.0.0.1:port to `target` until a fault; `restore` ends it.
struct Relay {
    port: u16,
    mode: Arc<AtomicU8>,
    cuts: watch::Sender<u64>,
}

impl Relay {
    async fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mode = Arc::new(AtomicU8::new(UP));
        let (cuts, _) = watch::channel(0u64);
        let (mode2, cuts2) = (mode.clone(), cuts.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let mut cut = cuts2.subscribe();
                match mode2.load(Ordering::SeqCst) {
                    REFUSED => continue, // dropped: the connection closes at once
                    SILENT => {
                        // Held open, never answered, until the next change.
                        tokio::spawn(async move {
                            let _held = client;
                            let _ = cut.changed().await;
                        });
                        continue;
                    }
                    _ => {}
                }
                let target = target.clone();
                let mode = mode2.clone();
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(&target).await else {
                        return;
                    };
                    let (mut c, mut s) = (client, server);
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut c, &mut s) => {}
                        _ = cut.changed() => {
                            if mode.load(Ordering::SeqCst) == SILENT {
                                // Both ends stay open; nothing moves until restored.
                                let _ = cut.changed().await;
                            }
                        }
                    }
                });
            }
        });
        Self { port, mode, cuts }
    }

    fn fail(&self, fault: Fault) {
        let mode = match fault {
            Fault::Refused => REFUSED,
            Fault::Silent => SILENT,
        };
        self.mode.store(mode, Ordering::SeqCst);
        self.cuts.send_modify(|n| *n += 1);
    }

    fn restore(&self) {
        self.mode.store(UP, Ordering::SeqCst);
        // Silent connections are released (closed) now.
        self.cuts.send_modify(|n| *n += 1);
    }
}

/// `scheme://user@host:port/db` with host and port replaced by the relay's.
fn through(url: &str, port: u16) -> (String, String) {
    let parsed = url::Url::parse(url).unwrap();
    let target = format!(
        "{}:{}",
        parsed.host_str().unwrap(),
        parsed.port_or_known_default().unwrap()
    );
    let mut relayed = parsed.clone();
    relayed.set_host(Some("127.0.0.1")).unwrap();
    relayed.set_port(Some(port)).unwrap();
    (target, relayed.to_string())
}

async fn timed(app: &TestApp, path: &str) -> (StatusCode, Option<String>, Duration) {
    let started = Instant::now();
    let res = app
        .client
        .get(app.url(path))
        .bearer_auth(&app.token)
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .unwrap();
    let took = started.elapsed();
    let status = res.status();
    if status.is_success() {
        return (status, None, took);
    }
    let (_, p) = problem(res).await;
    (status, p["code"].as_str().map(str::to_owned), took)
}

#[tokio::test]
async fn a_lost_database_is_a_prompt_503_and_the_server_recovers_by_itself() {
    outage(Fault::Refused).await;
}

#[tokio::test]
async fn a_database_that_never_answers_is_a_prompt_503_and_the_server_recovers_by_itself() {
    outage(Fault::Silent).await;
}

async fn outage(fault: Fault) {
    let backend = std::env::var("TEST_DATABASE").unwrap_or_default();
    if backend != "postgres" && backend != "mysql" {
        println!("skipped: the relay test needs TEST_DATABASE=postgres or mysql");
        return;
    }
    // A fresh database, then the server started on it through the relay.
    let direct = spawn_app_with(Options::default()).await;
    let (target, _) = through(&direct.db_url, 0);
    let relay = Relay::start(target).await;
    let (_, relayed) = through(&direct.db_url, relay.port);
    let app = spawn_app_with(Options {
        database_url: Some(relayed),
        ..Options::default()
    })
    .await;
    let paths = ["/readyz", "/api/posts", "/api/auth/me", "/api/accounts"];
    for path in paths {
        assert_eq!(
            timed(&app, path).await.0,
            StatusCode::OK,
            "{path} before the cut"
        );
    }

    relay.fail(fault);
    for path in paths {
        let (status, code, took) = timed(&app, path).await;
        assert_eq!(
            (status, code.as_deref()),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Some("database_unavailable")
            ),
            "{path} with the database gone"
        );
        println!("{path}: 503 after {took:?}");
        assert!(took < Duration::from_secs(2), "{path} took {took:?}");
    }
    // Writes, a login and a public page too.
    let requests = [
        app.client
            .post(app.url("/api/posts"))
            .bearer_auth(&app.token)
            .json(&crate::helpers::valid_post()),
        app.client
            .post(app.url("/api/auth/login"))
            .json(&serde_json::json!({"username": "admin", "password": "not it"})),
        app.client
            .get(app.url("/api/share/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")),
    ];
    for req in requests {
        let started = Instant::now();
        let (status, p) = problem(req.timeout(Duration::from_secs(10)).send().await.unwrap()).await;
        let took = started.elapsed();
        assert_eq!(
            (status, p["code"].as_str()),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Some("database_unavailable")
            ),
            "{p}"
        );
        assert!(took < Duration::from_secs(2), "took {took:?}: {p}");
    }

    relay.restore();
    let deadline = Instant::now() + Duration::from_secs(10);
    for path in paths {
        loop {
            let (status, _, _) = timed(&app, path).await;
            if status == StatusCode::OK {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{path} did not recover: {status}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}
