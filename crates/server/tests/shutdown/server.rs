//! The real binary on SQLite, started and logged in to.
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_xhs-publisher");
pub(crate) const PASSWORD: &str = "shutdown-test-123";

pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `serve` on port 0 over `db` and reads stdout until it says where
/// it listens; stdout is then drained by a thread, stderr goes to `log`.
pub(crate) fn start(db: &str, dir: &std::path::Path) -> Server {
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

/// Logs in as the admin of [`start`].
pub(crate) async fn log_in(addr: &str) -> String {
    crate::support::log_in(&format!("http://{addr}"), PASSWORD).await
}
