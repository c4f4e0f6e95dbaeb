//! `xhs-publisher backup` on SQLite while the server takes writes: the copy
//! holds every write answered before the backup started, and the command
//! refuses what it must not do (overwrite a file, copy another database).
#![allow(clippy::unwrap_used, clippy::expect_used)]
use serde_json::{json, Value};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use xhs_persistence::ConnectionTrait;
use xhs_server::{Application, Settings};
mod support;

const BIN: &str = env!("CARGO_BIN_EXE_xhs-publisher");
const PASSWORD: &str = "correct horse battery staple";

fn backup(url: &str, out: &std::path::Path) -> std::process::Output {
    Command::new(BIN)
        .env("XHSPUB__DATABASE__URL", url)
        .env("XHSPUB__LOG__FILTER", "warn")
        .args(["backup", "--out"])
        .arg(out)
        .output()
        .unwrap()
}

async fn serve(url: &str, dir: &std::path::Path) -> (String, actix_web::dev::ServerHandle) {
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.demo_post = false;
    settings.server.static_dir = dir.join("no-frontend");
    settings.media.dir = dir.join("media");
    settings.database.url = url.to_owned();
    settings.auth.admin_password = Some(PASSWORD.to_owned().into());
    let app = Application::build(settings).await.unwrap();
    let (address, handle) = (app.address(), app.server_handle());
    tokio::spawn(app.run_until_stopped());
    (address, handle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_under_write_load_holds_every_write_answered_before_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("live.db").display());
    let (address, server) = serve(&url, dir.path()).await;
    let client = reqwest::Client::new();
    let token = support::log_in(&address, PASSWORD).await;

    // Four writers create notes until told to stop; each 2xx answer is
    // noted with the instant it arrived.
    let answered: Arc<Mutex<Vec<(Instant, i64)>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..4 {
        let (client, token, address) = (client.clone(), token.clone(), address.clone());
        let (answered, stop) = (answered.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Acquire) {
                n += 1;
                let res = client
                    .post(format!("{address}/api/posts"))
                    .bearer_auth(&token)
                    .json(&json!({
                        "type": "normal",
                        "title": format!("备份 {w}-{n}"),
                        "content": "写入中的备份 #备份",
                        "image_urls": ["https://img.example.com/1.jpg"]
                    }))
                    .send()
                    .await
                    .unwrap();
                if res.status().is_success() {
                    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
                    answered.lock().unwrap().push((Instant::now(), id));
                }
            }
        }));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while answered.lock().unwrap().len() < 30 {
        assert!(Instant::now() < deadline, "the writers made no progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let out = dir.path().join("copy.db");
    let started = Instant::now();
    let result = {
        let (url, out) = (url.clone(), out.clone());
        tokio::task::spawn_blocking(move || backup(&url, &out))
            .await
            .unwrap()
    };
    let finished = Instant::now();
    // Writes go on for a while after the copy, then stop.
    let after = answered.lock().unwrap().len();
    while answered.lock().unwrap().len() < after + 10 {
        assert!(
            Instant::now() < deadline,
            "the writers stalled after the backup"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Release);
    for w in writers {
        w.await.unwrap();
    }
    server.stop(true).await;

    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(
        result.status.success(),
        "backup failed: {stdout} {}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(
        stdout.contains("bytes in") && stdout.contains("checked"),
        "{stdout}"
    );

    let copy = sea_orm::Database::connect(format!("sqlite://{}?mode=ro", out.display()))
        .await
        .unwrap();
    let rows = copy
        .query_all(sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::Sqlite,
            "SELECT id FROM x_post",
        ))
        .await
        .unwrap();
    let in_copy: std::collections::HashSet<i64> = rows
        .iter()
        .map(|r| r.try_get::<i64>("", "id").unwrap())
        .collect();
    let answered = answered.lock().unwrap().clone();
    let before: Vec<i64> = answered
        .iter()
        .filter(|(at, _)| *at < started)
        .map(|(_, id)| *id)
        .collect();
    let missing: Vec<i64> = before
        .iter()
        .copied()
        .filter(|id| !in_copy.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "answered before the backup, missing from it: {missing:?}"
    );
    let later: Vec<i64> = answered
        .iter()
        .filter(|(at, _)| *at > finished)
        .map(|(_, id)| *id)
        .collect();
    assert!(
        later.iter().any(|id| !in_copy.contains(id)),
        "writes made after the backup finished are not in it (it is a copy of one instant)"
    );
    println!(
        "{} notes answered before the backup, {} in the copy, {} answered after it",
        before.len(),
        in_copy.len(),
        later.len()
    );

    // Once more onto the same file: refused, exit code 2, the copy untouched.
    let size = std::fs::metadata(&out).unwrap().len();
    let again = backup(&url, &out);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists"));
    assert_eq!(std::fs::metadata(&out).unwrap().len(), size);
}

#[test]
fn backup_of_mysql_or_postgres_names_their_dump_tools_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never.db");
    for (url, tool) in [
        (
            "mysql://root@127.0.0.1:1/xhs",
            "mysqldump --single-transaction",
        ),
        ("postgres://postgres@127.0.0.1:1/xhs", "pg_dump -Fc"),
    ] {
        let res = backup(url, &out);
        assert_eq!(res.status.code(), Some(2), "{url}");
        assert!(String::from_utf8_lossy(&res.stderr).contains(tool), "{url}");
        assert!(!out.exists());
    }
}
