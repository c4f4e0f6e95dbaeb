//! A lost database: every endpoint answers 503 `database_unavailable` within
//! 2 s, and the server recovers by itself once the database is back. A TCP
//! relay between the server and the database is cut and restored. Runs on
//! PostgreSQL and MariaDB (SQLite has no connection to lose).
use crate::helpers::{problem, spawn_app_with, Options, TestApp};
use reqwest::StatusCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// Forwards 127.0.0.1:port to `target` until cut; cut closes every relayed
/// connection and refuses new ones until restored.
struct Relay {
    port: u16,
    up: Arc<AtomicBool>,
    cuts: watch::Sender<u64>,
}

impl Relay {
    async fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let (cuts, _) = watch::channel(0u64);
        let (up2, cuts2) = (up.clone(), cuts.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                if !up2.load(Ordering::SeqCst) {
                    continue; // dropped: the connection closes at once
                }
                let target = target.clone();
                let mut cut = cuts2.subscribe();
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(&target).await else {
                        return;
                    };
                    let (mut c, mut s) = (client, server);
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut c, &mut s) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        });
        Self { port, up, cuts }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.cuts.send_modify(|n| *n += 1);
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
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

    relay.cut();
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
    let share = app
        .client
        .get(app.url("/api/share/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        share.status(),
        StatusCode::SERVICE_UNAVAILABLE,
        "public endpoints too"
    );

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
