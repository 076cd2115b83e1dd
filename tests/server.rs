//! `actorgraph serve` end to end: a real server process on a loopback port,
//! spoken to with an HTTP client (CI adds SPARQLWrapper, see .ci/endpoint_check).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use oxhttp::Client;
use oxhttp::model::{Body, Method, Request, StatusCode};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_actorgraph"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ingest_examples(store: &Path) {
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

fn start(store: &Path, extra: &[&str]) -> Server {
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
        if get(&server, "/health", "").0 == StatusCode::OK {
            return server;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("server did not start");
}

fn request(
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
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            String::new(),
            String::new(),
        ),
    }
}

fn get(s: &Server, path: &str, accept: &str) -> (StatusCode, String, String) {
    let headers: Vec<(&str, &str)> = if accept.is_empty() {
        vec![]
    } else {
        vec![("accept", accept)]
    };
    request(s, Method::GET, path, &headers, "")
}

fn q(query: &str) -> String {
    format!("/sparql?query={}", actorgraph::remote::form_encode(query))
}

#[test]
fn read_only_endpoint_answers_the_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let s = start(&store, &[]);

    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?st ag:predicate ag:meets }";
    let (st, ct, body) = get(&s, &q(count), "application/sparql-results+json");
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(ct.starts_with("application/sparql-results+json"), "{ct}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let n: usize = json["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n > 0, "{body}");

    let (st, ct, body) = get(&s, &q(count), "text/csv");
    assert_eq!(
        (st, ct.as_str()),
        (StatusCode::OK, "text/csv; charset=utf-8")
    );
    assert_eq!(body.lines().nth(1).unwrap(), n.to_string());

    let (st, _, body) = get(&s, "/sparql", "text/turtle");
    assert_eq!(st, StatusCode::OK);
    assert!(
        body.contains("sparql-service-description#Service") || body.contains("Service"),
        "{body}"
    );
    assert!(!body.contains("SPARQL11Update"), "read-only: {body}");

    let (st, _, body) = get(&s, &q("SELECT ?s WHERE { ?s ?p }"), "");
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(!body.is_empty());

    let (st, _, _) = request(
        &s,
        Method::POST,
        "/update",
        &[
            ("content-type", "application/sparql-update"),
            ("authorization", "Bearer x"),
        ],
        "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    );
    assert_eq!(st, StatusCode::FORBIDDEN);

    let (st, ct, body) = get(
        &s,
        &q("CONSTRUCT { ?a ag:meets ?b } WHERE { ?a ag:meets ?b }"),
        "application/n-triples",
    );
    assert_eq!(st, StatusCode::OK);
    assert!(ct.starts_with("application/n-triples"), "{ct}");
    assert!(body.lines().all(|l| l.ends_with(" .")), "{body}");
}

#[test]
fn updates_need_the_token_and_timeouts_stop_queries() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let token = dir.path().join("token");
    std::fs::write(&token, "s3cret\n").unwrap();
    let s = start(
        &store,
        &[
            "--allow-update",
            "--token-file",
            token.to_str().unwrap(),
            "--timeout",
            "1",
        ],
    );
    let update = "INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> \"c\" } }";
    let form = [("content-type", "application/sparql-update")];
    assert_eq!(
        request(&s, Method::POST, "/update", &form, update).0,
        StatusCode::FORBIDDEN
    );
    let with = [
        ("content-type", "application/sparql-update"),
        ("authorization", "Bearer s3cret"),
    ];
    assert_eq!(
        request(&s, Method::POST, "/update", &with, update).0,
        StatusCode::NO_CONTENT
    );
    let (_, _, body) = get(
        &s,
        &q("ASK { GRAPH <http://e/g> { ?s ?p \"c\" } }"),
        "application/sparql-results+json",
    );
    assert!(body.contains("true"), "{body}");

    let heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let t = Instant::now();
    let (st, _, body) = get(&s, &q(heavy), "");
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}

#[test]
fn allow_update_without_a_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin())
        .args(["serve", "--allow-update", "--store"])
        .arg(dir.path().join("store"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--token-file"));
}

#[test]
fn a_cut_result_is_an_error_for_export_and_a_warning_for_query() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let s = start(&store, &["--max-rows", "5"]);
    let url = format!("{}/query", s.base);
    let out = Command::new(bin())
        .args(["export", "--format", "gexf", "--store", &url])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cut"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(bin())
        .args([
            "query",
            "--format",
            "csv",
            "--store",
            &url,
            "SELECT ?s WHERE { ?s ?p ?o }",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 6);
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("warning: the server cut the results at 5 rows")
    );
}
