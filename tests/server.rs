//! `actorgraph serve` end to end: a real server process on a loopback port,
//! spoken to with an HTTP client (CI adds SPARQLWrapper, see .ci/endpoint_check).

mod serving;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use oxhttp::model::{Method, StatusCode};
use serving::{Server, bin, ingest_examples, request, start};

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

/// A store of `n` generated quads (a random graph with literals), loaded
/// through the server's graph store; the server keeps serving it.
fn generated(dir: &Path, n: usize, extra: &[&str]) -> Server {
    let token = dir.join("token");
    std::fs::write(&token, "t0ken\n").unwrap();
    let mut args = vec![
        "--allow-update",
        "--token-file",
        token.to_str().unwrap(),
        "--max-body",
        "1000000000",
    ];
    args.extend_from_slice(extra);
    let store = dir.join("store");
    std::fs::create_dir_all(&store).unwrap();
    let s = start(&store, &args);
    let nodes = n / 4;
    let mut data = String::new();
    let mut x: u64 = 7;
    for i in 0..n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let o = if i % 4 == 3 {
            format!("\"value {i}\"")
        } else {
            format!("<urn:n{}>", (x >> 33) as usize % nodes)
        };
        data.push_str(&format!(
            "<urn:n{}> <urn:p{}> {o} <urn:g{}> .\n",
            i % nodes,
            (x >> 20) % 20,
            i % 10
        ));
    }
    let (st, _, body) = request(
        &s,
        Method::POST,
        "/store",
        &[
            ("content-type", "application/n-quads"),
            ("authorization", "Bearer t0ken"),
        ],
        &data,
    );
    assert_eq!(st, StatusCode::NO_CONTENT, "{body}");
    s
}

/// CPU seconds of a process's threads but RocksDB's own (compactions are
/// not query work), and its number of threads (Linux /proc).
fn cpu_and_threads(pid: u32) -> (f64, usize) {
    let mut ticks = 0.0;
    let mut threads = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        threads += 1;
        // A thread may end while we look.
        let Ok(stat) = std::fs::read_to_string(task.unwrap().path().join("stat")) else {
            continue;
        };
        let (head, rest) = stat.rsplit_once(')').unwrap();
        if head.contains("(rocksdb:") {
            continue;
        }
        let f: Vec<&str> = rest.split_whitespace().collect();
        ticks += f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap();
    }
    (ticks / 100.0, threads)
}

/// Waits until the server's CPU time stops growing; false if it does not
/// within `within`.
fn goes_idle(s: &Server, within: Duration) -> bool {
    let end = Instant::now() + within;
    let mut last = cpu_and_threads(s.child.id()).0;
    let mut quiet = 0;
    while Instant::now() < end {
        std::thread::sleep(Duration::from_millis(100));
        let now = cpu_and_threads(s.child.id()).0;
        // Under 2% of a core: idle (the watchdog and the listener only).
        quiet = if now - last < 0.002 { quiet + 1 } else { 0 };
        last = now;
        if quiet >= 5 {
            return true;
        }
    }
    false
}

#[test]
#[cfg(target_os = "linux")]
fn hostile_queries_stop_within_a_second_of_their_deadline() {
    let dir = tempfile::tempdir().unwrap();
    // A budget out of reach: this test is about the deadline (the memory
    // budget, which a fast machine can reach first, has its own test).
    let s = generated(
        dir.path(),
        40_000,
        &["--timeout", "1", "--max-query-memory", "16G"],
    );
    assert!(goes_idle(&s, Duration::from_secs(20)));
    let threads = cpu_and_threads(s.child.id()).1;
    for query in [
        "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
        "CONSTRUCT { ?a <urn:q> ?f } WHERE { ?a ?b ?c . ?d ?e ?f }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?c . ?d ?p ?f . ?g ?p ?i }",
    ] {
        let t = Instant::now();
        let (st, _, body) = get(&s, &q(query), "");
        let took = t.elapsed();
        assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{query}: {body}");
        assert!(body.contains("1 s timeout"), "{body}");
        assert!(
            took < Duration::from_secs(2),
            "{query}: answered after {took:?}"
        );
        // The evaluation really ended: no more CPU, no extra thread.
        assert!(
            goes_idle(&s, Duration::from_secs(2)),
            "{query}: the server is still busy after the answer"
        );
        assert_eq!(cpu_and_threads(s.child.id()).1, threads, "{query}");
    }
}

#[test]
fn a_query_over_its_memory_budget_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let s = generated(
        dir.path(),
        20_000,
        &["--timeout", "60", "--max-query-memory", "32M"],
    );
    let t = Instant::now();
    let (st, _, body) = get(
        &s,
        &q("SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?f))) AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f }"),
        "",
    );
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(
        body.contains("32 MiB") && body.contains("--max-query-memory"),
        "{body}"
    );
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
    // A query within the budget still runs.
    let (st, _, body) = get(&s, &q("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "");
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(body.contains("20000"), "{body}");
}

/// Bad requests to the endpoint, and what they must get: status and a
/// fragment of the message (the CLI's table is tests/bad_input.rs).
#[test]
fn bad_requests_get_clear_answers() {
    let dir = tempfile::tempdir().unwrap();
    let s = generated(dir.path(), 400, &[]);
    let update = |auth: &str, u: &str| -> (StatusCode, String) {
        let (st, _, body) = request(
            &s,
            Method::POST,
            "/update",
            &[
                ("content-type", "application/sparql-update"),
                ("authorization", auth),
            ],
            u,
        );
        (st, body)
    };
    let cases: Vec<(&str, (StatusCode, String), u16, &str)> = vec![
        (
            "syntax error",
            get(&s, &q("SELECT ?s WHERE {"), "").into_sb(),
            400,
            "error",
        ),
        (
            "SERVICE",
            get(
                &s,
                &q("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"),
                "",
            )
            .into_sb(),
            501,
            "SERVICE is not supported",
        ),
        (
            "SERVICE with a variable",
            get(
                &s,
                &q("SELECT * WHERE { ?s ?p ?e SERVICE ?e { ?a ?b ?c } }"),
                "",
            )
            .into_sb(),
            501,
            "SERVICE is not supported",
        ),
        (
            "LOAD",
            update("Bearer t0ken", "LOAD <http://example.org/data.ttl>"),
            501,
            "POST the document to /store",
        ),
        (
            "negated path closure",
            get(&s, &q("SELECT * WHERE { <urn:n0> (!<urn:x>)* ?b }"), "").into_sb(),
            400,
            "repeats a negated property set",
        ),
        (
            "`+` path between two variables",
            get(&s, &q("SELECT * WHERE { ?a <urn:p1>+ ?b }"), "").into_sb(),
            400,
            "put an IRI or a literal at one end",
        ),
        (
            "unknown function",
            get(
                &s,
                &q("SELECT * WHERE { ?s ?p ?o FILTER(<urn:nofn>(?o)) }"),
                "",
            )
            .into_sb(),
            400,
            "urn:nofn",
        ),
        (
            "bad graph IRI",
            get(
                &s,
                &format!("{}&default-graph-uri=not%20an%20iri", q("ASK {}")),
                "",
            )
            .into_sb(),
            400,
            "bad graph IRI",
        ),
        (
            "unacceptable format",
            get(&s, &q("ASK {}"), "image/png").into_sb(),
            406,
            "no acceptable format",
        ),
        (
            "lowercase bearer scheme",
            update("bearer   t0ken", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
            204,
            "",
        ),
        (
            "wrong token",
            update("bearer nope", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
            403,
            "bearer token",
        ),
        ("GET /update", get(&s, "/update", "").into_sb(), 405, "POST"),
    ];
    for (what, (st, body), want, fragment) in cases {
        assert_eq!(st.as_u16(), want, "{what}: {body}");
        assert!(body.contains(fragment), "{what}: {body}");
        assert!(
            !body.contains("feature"),
            "{what}: internal names in {body}"
        );
    }
}

trait StatusBody {
    fn into_sb(self) -> (StatusCode, String);
}

impl StatusBody for (StatusCode, String, String) {
    fn into_sb(self) -> (StatusCode, String) {
        (self.0, self.2)
    }
}

/// Status and Access-Control-Allow-Origin of a request from `origin`, over
/// a raw socket (oxhttp's client leaves out the preflight's headers).
fn cors_of(s: &Server, method: Method, origin: &str) -> (StatusCode, Option<String>) {
    use std::io::{Read, Write};
    let addr = s.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    let preflight = if method == Method::OPTIONS {
        "Access-Control-Request-Method: POST\r\n"
    } else {
        ""
    };
    write!(
        stream,
        "{method} /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: {addr}\r\nOrigin: {origin}\r\n{preflight}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status: u16 = answer[9..12].parse().unwrap();
    let allow = answer.lines().take_while(|l| !l.is_empty()).find_map(|l| {
        l.to_ascii_lowercase()
            .strip_prefix("access-control-allow-origin: ")
            .map(|_| l[29..].trim().to_string())
    });
    (StatusCode::from_u16(status).unwrap(), allow)
}

#[test]
fn cors_is_off_unless_an_origin_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let (editor, evil) = ("https://editor.example", "https://evil.example");
    let off = start(&store, &[]);
    assert_eq!(cors_of(&off, Method::GET, evil), (StatusCode::OK, None));
    assert_eq!(
        cors_of(&off, Method::OPTIONS, evil).0,
        StatusCode::FORBIDDEN
    );
    drop(off);
    let one = start(&store, &["--cors-origin", editor]);
    assert_eq!(
        cors_of(&one, Method::GET, editor),
        (StatusCode::OK, Some(editor.to_string()))
    );
    assert_eq!(
        cors_of(&one, Method::OPTIONS, editor),
        (StatusCode::NO_CONTENT, Some(editor.to_string()))
    );
    assert_eq!(cors_of(&one, Method::GET, evil), (StatusCode::OK, None));
    assert_eq!(
        cors_of(&one, Method::OPTIONS, evil).0,
        StatusCode::FORBIDDEN
    );
    drop(one);
    let any = start(&store, &["--cors-origin", "*"]);
    assert_eq!(
        cors_of(&any, Method::GET, evil),
        (StatusCode::OK, Some("*".to_string()))
    );
}

#[test]
fn bind_to_port_0_logs_the_bound_port() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let mut child = Command::new(bin())
        .args(["serve", "--bind", "127.0.0.1:0", "--store"])
        .arg(&store)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut log = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut log, &mut line).unwrap();
    // Keep reading the access log: a closed stderr would fail the server.
    std::thread::spawn(move || std::io::copy(&mut log, &mut std::io::sink()));
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line}"));
    let s = Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    };
    assert_ne!(port, 0, "{line}");
    assert_eq!(get(&s, "/health", "").0, StatusCode::OK, "{line}");
}

/// Bad `serve` options: a clear message naming the option, exit code 2,
/// before the store is even opened.
#[test]
fn bad_serve_options_are_refused_clearly() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--cors-origin", "editor.example"],
            "give `*` or an origin",
        ),
        (
            &["--cors-origin", "https://editor.example/"],
            "without a path",
        ),
        (&["--max-query-memory", "12X"], "a number with K, M or G"),
        (&["--max-query-memory", "0"], "must be over 0"),
        (&["--max-concurrent-queries", "0"], "at least 1"),
        (&["--bind", "nowhere:port"], "--bind nowhere:port"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    for (args, want) in cases {
        let out = Command::new(bin())
            .args(["serve", "--store"])
            .arg(&store)
            .args(*args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert!(err.contains(want), "{args:?}: {err}");
        let option = args[0];
        assert!(err.contains(option), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn queries_beyond_the_evaluation_slots_wait_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let s = generated(
        dir.path(),
        20_000,
        &["--timeout", "2", "--max-concurrent-queries", "1"],
    );
    let heavy = q("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
    std::thread::scope(|scope| {
        let first = scope.spawn(|| get(&s, &heavy, "").0);
        std::thread::sleep(Duration::from_millis(300));
        // The one slot is taken: this cheap query waits until the heavy
        // one is stopped at its deadline, about 1.7 s from now.
        let t = Instant::now();
        let (st, _, body) = get(&s, &q("ASK { ?s ?p ?o }"), "");
        assert_eq!(st, StatusCode::OK, "{body}");
        assert!(
            t.elapsed() > Duration::from_millis(1200),
            "{:?}",
            t.elapsed()
        );
        assert_eq!(first.join().unwrap(), StatusCode::SERVICE_UNAVAILABLE);
    });
}

/// `ingest` and `remove` through the endpoint's update token keep the
/// network graph's counts: the server recounts them after each.
#[test]
fn ingest_and_remove_through_the_endpoint_keep_the_network_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let token = dir.path().join("token");
    std::fs::write(&token, "n3twork\n").unwrap();
    let s = start(
        &store,
        &["--allow-update", "--token-file", token.to_str().unwrap()],
    );
    let url = format!("{}/query", s.base);
    let doc = dir.path().join("budget-talks.txt");
    std::fs::write(
        &doc,
        "France strongly supports Germany in the budget talks. Paris also backs Berlin on energy.",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(bin())
            .args(args)
            .args(["--store", &url, "--token-file", token.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let march = || {
        let between =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries/between-dates.rq");
        run(&[
            "query",
            "--format",
            "csv",
            "--file",
            between.to_str().unwrap(),
            "-p",
            "since=2024-03-01",
            "-p",
            "until=2024-03-31",
        ])
    };
    run(&["ingest", "--date", "2024-03-12", doc.to_str().unwrap()]);
    let counted = march();
    assert!(
        counted.contains("supports,verbal cooperation,positive,2"),
        "{counted}"
    );
    run(&["remove", "budget-talks"]);
    assert_eq!(march().lines().count(), 1, "only the header is left");
}
