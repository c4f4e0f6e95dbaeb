//! A client that opens a connection per request and says how each ended.
use serde_json::json;
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[derive(Debug)]
pub(crate) enum Outcome {
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
pub(crate) async fn once(addr: &str, request: &[u8]) -> Outcome {
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

pub(crate) fn create_request(addr: &str, token: &str, title: &str) -> Vec<u8> {
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
pub(crate) async fn idle_keep_alive(addr: &str) -> TcpStream {
    let mut conn = TcpStream::connect(addr).await.unwrap();
    conn.write_all(format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = conn.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    conn
}
