//! The `[media]` section read from `XHSPUB__MEDIA__…` variables by the real
//! binary: an S3 store (moto on 127.0.0.1) serves what was uploaded, and the
//! S3 secret never shows in the output.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use xhs_fakes::Moto;
mod support;

const BIN: &str = env!("CARGO_BIN_EXE_xhs-publisher");
const SECRET: &str = "s3-secret-from-the-env-9f2c";
const PASSWORD: &str = "media-env-password-1";

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn command(dir: &std::path::Path, envs: &[(&str, String)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env("XHSPUB__SERVER__PORT", "0")
        .env("XHSPUB__SERVER__STATIC_DIR", "/nonexistent")
        .env(
            "XHSPUB__DATABASE__URL",
            format!("sqlite://{}/app.db", dir.display()),
        )
        .env("XHSPUB__MEDIA__DIR", dir.join("spool"))
        .env("XHSPUB__AUTH__ADMIN_PASSWORD", PASSWORD)
        .env("XHSPUB__MEDIA__S3_SECRET_ACCESS_KEY", SECRET)
        .env("XHSPUB__MEDIA__BACKEND", "s3");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

fn temp_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("xhs-media-env-{}", uuid::Uuid::new_v4().simple()))
}

#[test]
fn an_s3_backend_without_a_bucket_is_refused_at_start_naming_the_variable() {
    let dir = temp_dir();
    let out = command(&dir, &[]).output().unwrap();
    assert!(!out.status.success());
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("XHSPUB__MEDIA__S3_BUCKET"), "{all}");
    assert!(!all.contains(SECRET));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_binary_stores_uploads_in_the_s3_bucket_the_environment_names() {
    let moto = Moto::start();
    moto.create_bucket("from-env");
    let dir = temp_dir();
    let mut child = command(
        &dir,
        &[
            ("XHSPUB__MEDIA__S3_BUCKET", "from-env".into()),
            ("XHSPUB__MEDIA__S3_ENDPOINT", moto.endpoint()),
            ("XHSPUB__MEDIA__S3_ACCESS_KEY_ID", "key-id".into()),
            ("XHSPUB__MEDIA__S3_ALLOW_HTTP", "true".into()),
        ],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut stderr = child.stderr.take().unwrap();
    let server = Killed(child);
    let mut seen = String::new();
    let base = loop {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "the server exited: {seen}"
        );
        seen.push_str(&line);
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    let client = reqwest::Client::new();
    let token = support::log_in(&base, PASSWORD).await;
    let video = xhs_media::sample::mp4(720, 1280, 10_000);
    let mut body = b"--XhsBoundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.mp4\"\r\n\r\n".to_vec();
    body.extend_from_slice(&video);
    body.extend_from_slice(b"\r\n--XhsBoundary--\r\n");
    let res = client
        .post(format!("{base}/api/media"))
        .bearer_auth(&token)
        .header("content-type", "multipart/form-data; boundary=XhsBoundary")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let item: Value = res.json().await.unwrap();
    let served = client
        .get(item["url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        served.bytes().await.unwrap(),
        video,
        "served back from the bucket"
    );
    let spooled = std::fs::read_dir(dir.join("spool/.tmp")).unwrap().count();
    assert_eq!(spooled, 0, "nothing left in the spool area");

    drop(server);
    let mut logs = String::new();
    let _ = stdout.read_to_string(&mut seen);
    let _ = stderr.read_to_string(&mut logs);
    assert!(
        !format!("{seen}{logs}").contains(SECRET),
        "the S3 secret is never printed"
    );
    let _ = std::fs::remove_dir_all(dir);
}
