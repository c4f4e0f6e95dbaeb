//! Every test server's log lines, kept in memory (one subscriber for the
//! whole test binary) so a test can check that no secret was logged.
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

/// Everything every test's server logged, to check that no secret is in it.
pub fn captured_logs() -> String {
    String::from_utf8_lossy(&LOGS.get_or_init(Default::default).lock().unwrap()).into_owned()
}

static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();

#[derive(Clone)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub(super) fn init_logs() {
    static INIT: OnceLock<()> = OnceLock::new();
    INIT.get_or_init(|| {
        let buf = LOGS.get_or_init(Default::default).clone();
        let _ = tracing_subscriber::fmt()
            .with_env_filter("debug,sqlx=info,hyper=info,h2=info,rustls=info")
            .with_ansi(false)
            .fmt_fields(xhs_server::telemetry::escaped_fields())
            .with_writer(move || Capture(buf.clone()))
            .try_init();
    });
}
