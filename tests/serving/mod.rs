//! A real `actorgraph serve` process on a free loopback port, over the two
//! example articles, and an HTTP client for it: shared by the endpoint and
//! workbench tests.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use oxhttp::Client;
use oxhttp::model::{Body, Method, Request, StatusCode};

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_actorgraph"))
}

/// A loopback port nobody listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running server, killed when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Ingests the two example articles into `store`.
pub fn ingest_examples(store: &Path) {
    for (date, file) in [
        ("2023-07-17", "fr-accord-cereales.txt"),
        ("2023-05-21", "en-g7-hiroshima.txt"),
    ] {
        let st = Command::new(bin())
            .args(["ingest", "--date", date, "--store"])
            .arg(store)
            .arg(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("examples")
                    .join(file),
            )
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(st.success());
    }
}

/// Serves `store` with `extra` options; returns once `/health` answers.
pub fn start(store: &Path, extra: &[&str]) -> Server {
    let port = free_port();
    let child = Command::new(bin())
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--store"])
        .arg(store)
        .args(extra)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if request(&server, Method::GET, "/health", &[], "").0 == StatusCode::OK {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("server did not start");
}

/// Status, content type, body.
pub fn request(
    s: &Server,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (StatusCode, String, String) {
    let mut b = Request::builder()
        .method(method)
        .uri(format!("{}{path}", s.base));
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    match Client::new().request(b.body(Body::from(body.to_string())).unwrap()) {
        Ok(r) => {
            let status = r.status();
            let ctype = r
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default();
            (status, ctype, r.into_body().to_string().unwrap())
        }
        // Not listening yet (start() polls /health).
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            String::new(),
            String::new(),
        ),
    }
}
