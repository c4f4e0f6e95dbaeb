//! Upload benchmark: starts the real `xhs-publisher` binary (SQLite and the
//! local media store in a temp dir), uploads a generated 300 MB MP4-shaped
//! video through `POST /api/media`, and prints the server's peak memory
//! (VmHWM) and the throughput. Prints figures; asserts only that it worked.
//!
//!     just bench-upload
//!     # or: cargo build --release -p xhs-server &&
//!     #     cargo run --release -p xhs-media --example upload_bench [MB]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures_util::stream;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

const PASSWORD: &str = "bench-password-123";
const CHUNK: usize = 256 * 1024;

/// A line of /proc/PID/status in MiB, e.g. `VmHWM`.
fn status_mib(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

#[tokio::main]
async fn main() {
    let mb: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bin = std::env::var("XHS_BIN").unwrap_or_else(|_| {
        root.join("target/release/xhs-publisher")
            .display()
            .to_string()
    });
    let dir = std::env::temp_dir().join(format!("xhs-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut child = Command::new(&bin)
        .env("XHSPUB__SERVER__PORT", "0")
        .env("XHSPUB__SERVER__STATIC_DIR", "/nonexistent")
        .env(
            "XHSPUB__DATABASE__URL",
            format!("sqlite://{}/bench.db", dir.display()),
        )
        .env("XHSPUB__MEDIA__DIR", dir.join("media"))
        .env("XHSPUB__AUTH__ADMIN_PASSWORD", PASSWORD)
        .env("XHSPUB__LOG__FILTER", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {bin} ({e}); build it: cargo build --release -p xhs-server")
        });
    let pid = child.id();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let base = loop {
        let mut line = String::new();
        assert!(out.read_line(&mut line).unwrap() > 0, "the server exited");
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    let client = reqwest::Client::new();
    let login: serde_json::Value = client
        .post(format!("{base}/api/auth/login"))
        .json(&serde_json::json!({"username": "admin", "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"].as_str().unwrap().to_owned();
    let idle = status_mib(pid, "VmHWM");

    // ftyp + moov + mdat header, then filler: a valid MP4 shape, made on the fly.
    let data_len = mb * 1024 * 1024;
    let prefix = xhs_media::sample::mp4_prefix(1080, 1920, data_len);
    let head = b"--BenchBoundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.mp4\"\r\n\r\n";
    let tail = b"\r\n--BenchBoundary--\r\n";
    let total = (head.len() + prefix.len() + tail.len()) as u64 + data_len;
    let filler: Vec<u8> = (0..CHUNK).map(|i| (i * 7 % 251) as u8).collect();
    let chunks = (0..data_len.div_ceil(CHUNK as u64)).map(move |i| {
        let n = (data_len - i * CHUNK as u64).min(CHUNK as u64) as usize;
        filler[..n].to_vec()
    });
    let body = std::iter::once([&head[..], &prefix].concat())
        .chain(chunks)
        .chain(std::iter::once(tail.to_vec()))
        .map(Ok::<_, std::io::Error>);

    let started = Instant::now();
    let res = client
        .post(format!("{base}/api/media"))
        .bearer_auth(&token)
        .header(
            "content-type",
            "multipart/form-data; boundary=BenchBoundary",
        )
        .header("content-length", total)
        .body(reqwest::Body::wrap_stream(stream::iter(body)))
        .send()
        .await
        .unwrap();
    let status = res.status();
    let item: serde_json::Value = res.json().await.unwrap_or_default();
    let secs = started.elapsed().as_secs_f64();
    let peak = status_mib(pid, "VmHWM");
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);

    assert_eq!(status, 201, "upload failed: {item}");
    let size = item["size_bytes"].as_u64().unwrap_or(0) as f64 / 1024.0 / 1024.0;
    println!(
        "uploaded      {size:.1} MiB video (multipart body {:.1} MiB)",
        total as f64 / 1048576.0
    );
    println!("time          {secs:.2} s  ->  {:.1} MiB/s", size / secs);
    println!("server VmHWM  {idle:.1} MiB before the upload, {peak:.1} MiB peak after it");
    println!(
        "              (peak grew by {:.1} MiB for a {size:.0} MiB file)",
        peak - idle
    );
}
