//! An S3-compatible server for tests: moto's server mode (PyPI `moto[server]`)
//! started as a child process on 127.0.0.1. MinIO's binary cannot be fetched
//! here; moto speaks the same S3 REST protocol, so the real `object_store`
//! client is what gets tested. moto accepts any credentials.
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const HOW_TO_INSTALL: &str = "run `pip install 'moto[server]'` (scripts/test.sh does it)";

/// A running moto server; killed when dropped.
pub struct Moto {
    child: Child,
    port: u16,
    log: std::path::PathBuf,
}

impl Moto {
    /// Starts `python3 -m moto.server` on a free port and waits until it
    /// answers. Panics (failing the test, never skipping it) when it cannot.
    pub fn start() -> Moto {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("Moto: cannot find a free port")
            .port();
        // moto logs every request; a file, unlike an unread pipe, never fills up.
        let log = std::env::temp_dir().join(format!("xhs-moto-{port}.log"));
        let out = std::fs::File::create(&log).expect("Moto: cannot create its log file");
        let err = out.try_clone().expect("Moto: cannot share its log file");
        let child = Command::new("python3")
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("moto could not be started (python3: {e}); {HOW_TO_INSTALL}")
            });
        let mut moto = Moto { child, port, log };
        moto.wait_ready();
        moto
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                let log = std::fs::read_to_string(&self.log).unwrap_or_default();
                panic!("moto could not be started ({status}); {HOW_TO_INSTALL}\n{log}");
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "moto did not answer on port {} within 60 s; {HOW_TO_INSTALL}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `http://127.0.0.1:PORT`, the S3 endpoint.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Creates a bucket (an unsigned `PUT /bucket`, which moto accepts).
    pub fn create_bucket(&self, name: &str) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("Moto: cannot connect");
        write!(
            s,
            "PUT /{name} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            self.port
        )
        .expect("Moto: cannot send");
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        assert!(
            answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200"),
            "Moto: creating bucket {name} failed: {answer}"
        );
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        // Our own child, by its id.
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}
