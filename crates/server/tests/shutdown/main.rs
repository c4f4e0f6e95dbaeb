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
mod client;
mod server;
#[path = "../support/mod.rs"]
mod support;

use client::{create_request, idle_keep_alive, once, Outcome};
use serde_json::Value;
use server::{log_in, start};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;

/// Clients sending at once (each a new connection per request).
const CLIENTS: usize = 32;

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
    let base = format!("http://{}", again.addr);
    for (title, id) in &created {
        let post = support::get_json(&base, &format!("/api/posts/{id}"), &token).await;
        assert_eq!(post["title"], title.as_str(), "post {id} stored");
    }
}
