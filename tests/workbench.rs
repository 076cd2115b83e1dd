//! The web workbench of `actorgraph serve`: its page and embedded files, and
//! the JSON API behind it, against a real server on a loopback port over
//! the two example articles (the browser itself: .ci/browser_check).

mod serving;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use oxhttp::model::{Method, StatusCode};
use serde_json::Value;
use serving::{Server, bin, ingest_examples, request, start};

/// Status, content type, body of a request with an optional content type.
fn send(
    s: &Server,
    method: Method,
    path: &str,
    ctype: &str,
    body: &str,
) -> (StatusCode, String, String) {
    let headers: Vec<(&str, &str)> = if ctype.is_empty() {
        vec![]
    } else {
        vec![("content-type", ctype)]
    };
    request(s, method, path, &headers, body)
}

fn get(s: &Server, path: &str) -> (StatusCode, String, String) {
    send(s, Method::GET, path, "", "")
}

/// GET that must answer 200 JSON.
fn json(s: &Server, path: &str) -> Value {
    let (st, ct, body) = get(s, path);
    assert_eq!(st, StatusCode::OK, "{path}: {body}");
    assert!(ct.contains("json"), "{path}: {ct}");
    serde_json::from_str(&body).unwrap()
}

fn enc(s: &str) -> String {
    actorgraph::remote::form_encode(s)
}

const ID: &str = "https://w3id.org/actorgraph/id/";

#[test]
fn page_and_files_are_served_from_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let s = start(&store, &[]);
    let (st, ct, body) = get(&s, "/");
    assert_eq!(
        (st, ct.as_str()),
        (StatusCode::OK, "text/html; charset=utf-8")
    );
    assert!(
        body.contains("/web/network.js") && body.contains("sigma.min.js"),
        "{body}"
    );
    let (st, ct, body) = get(&s, "/web/vendor/sigma/sigma.min.js");
    assert_eq!(st, StatusCode::OK);
    assert!(ct.starts_with("text/javascript"), "{ct}");
    assert!(body.len() > 100_000, "{}", body.len());
    assert_eq!(get(&s, "/web/vendor/none.js").0, StatusCode::NOT_FOUND);
    let (_, _, licence) = get(&s, "/web/vendor/codemirror/LICENSE");
    assert!(licence.contains("MIT"), "{licence}");
}

#[test]
fn library_queries_run_with_bound_parameters() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let s = start(&store, &[]);
    let lib = json(&s, "/api/queries");
    let ego = lib
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["name"] == "ego-network")
        .unwrap();
    assert_eq!(ego["params"][0]["name"], "actor");
    assert_eq!(ego["params"][0]["example"], "Russia");
    assert!(ego["text"].as_str().unwrap().contains("SELECT"));
    let prefixes = json(&s, "/api/prefixes");
    assert!(
        prefixes
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["prefix"] == "agr")
    );

    let russia = json(&s, "/api/query?name=ego-network&p=actor%3DRussia");
    let rows = russia["results"]["bindings"].as_array().unwrap();
    assert!(rows.len() >= 5, "{russia}");
    assert!(
        rows.iter().any(|r| r["other"]["value"] == "United Kingdom"),
        "{russia}"
    );
    // A value is a term, never query text.
    let odd = json(
        &s,
        &format!(
            "/api/query?name=ego-network&p={}",
            enc("actor=x\" } DROP ALL")
        ),
    );
    assert_eq!(odd["results"]["bindings"].as_array().unwrap().len(), 0);
    // CSV, as /sparql negotiates it.
    let (st, ct, csv) = get(
        &s,
        "/api/query?name=ego-network&p=actor%3DRussia&format=csv",
    );
    assert_eq!(st, StatusCode::OK);
    assert!(ct.starts_with("text/csv"), "{ct}");
    assert_eq!(
        csv.lines().next(),
        Some("direction,other,predicate,polarity,documents")
    );
    assert_eq!(csv.lines().count(), rows.len() + 1);
    // Edited text comes as a form, with its parameters.
    let form = format!(
        "query={}&p={}",
        enc("SELECT ?n WHERE { BIND(?x AS ?n) }"),
        enc("x=7")
    );
    let (st, _, body) = send(
        &s,
        Method::POST,
        "/api/query",
        "application/x-www-form-urlencoded",
        &form,
    );
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(body.contains("\"7\""), "{body}");
    assert_eq!(get(&s, "/api/query?name=nothing").0, StatusCode::NOT_FOUND);
    let (st, _, body) = get(&s, "/api/query?name=negated&p=actor%3DRussia");
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(body.contains("no variable ?actor"), "{body}");
    assert_eq!(
        get(&s, "/api/query?query=SELECT").0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        send(&s, Method::PUT, "/api/queries", "", "").0,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[test]
fn network_is_the_exports_with_its_filters() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    // The CLI export of the same store, for comparison.
    let gexf = dir.path().join("n.gexf");
    let st = Command::new(bin())
        .args(["export", "--format", "gexf", "--store"])
        .arg(&store)
        .arg("--output")
        .arg(&gexf)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
    let exported = std::fs::read_to_string(&gexf)
        .unwrap()
        .matches("<edge ")
        .count();
    let s = start(&store, &[]);

    let all = json(&s, "/api/network");
    let (nodes, edges) = (
        all["nodes"].as_array().unwrap(),
        all["edges"].as_array().unwrap(),
    );
    assert_eq!(edges.len(), exported);
    assert_eq!(all["truncated"], false);
    let ids: Vec<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    for e in edges {
        assert!(ids.contains(&e["source"].as_str().unwrap()), "{e}");
        assert!(ids.contains(&e["target"].as_str().unwrap()), "{e}");
    }
    let russia = nodes.iter().find(|n| n["label"] == "Russia").unwrap();
    assert_eq!(russia["wikidata"], "Q159");
    assert_eq!(russia["color"], "#db4437");
    let rank = |label: &str| {
        let n = nodes.iter().find(|n| n["label"] == label).unwrap();
        n["pagerank"].as_f64().unwrap()
    };
    let total: f64 = nodes.iter().map(|n| n["pagerank"].as_f64().unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-6, "{total}");
    // Russia is pressured by many; Canada only acts.
    assert!(rank("Russia") > 2.0 * rank("Canada"));

    let countries = json(&s, "/api/network?type=Country");
    let cn = countries["nodes"].as_array().unwrap();
    assert!(!cn.is_empty() && cn.iter().all(|n| n["type"] == "Country"));
    let sanctions = json(&s, "/api/network?predicate=sanctions");
    let se = sanctions["edges"].as_array().unwrap();
    assert!(!se.is_empty() && se.iter().all(|e| e["predicate"] == "sanctions"));
    assert!(se.iter().all(|e| e["quad"] == "material conflict"));
    let july = json(&s, "/api/network?since=2023-07-01");
    let je = july["edges"].as_array().unwrap();
    assert!(!je.is_empty() && je.len() < edges.len());
    assert!(
        je.iter()
            .all(|e| e["first"].as_str().unwrap() >= "2023-07-01")
    );
    let ego = json(&s, "/api/network?ego=Antonio%20Guterres");
    let en = ego["nodes"].as_array().unwrap();
    assert!(en.len() >= 2 && en.len() < nodes.len());
    assert!(en.iter().any(|n| n["label"] == "António Guterres"));
    let asserted = json(&s, "/api/network?asserted=1");
    assert!(asserted["edges"].as_array().unwrap().len() <= edges.len());
    let limited = json(&s, "/api/network?limit=3");
    assert_eq!(limited["edges"].as_array().unwrap().len(), 3);
    assert_eq!(limited["truncated"], true);

    assert_eq!(
        get(&s, "/api/network?ego=Nobody%20Known").0,
        StatusCode::NOT_FOUND
    );
    let (st, _, body) = get(&s, "/api/network?since=July");
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(body.contains("since"), "{body}");
    assert_eq!(
        get(&s, "/api/network?predicate=likes").0,
        StatusCode::BAD_REQUEST
    );
}

#[test]
fn edges_open_to_their_statements_and_actors_to_their_facts() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let s = start(&store, &[]);
    let net = json(&s, "/api/network");
    for e in net["edges"].as_array().unwrap() {
        let path = format!(
            "/api/statements?s={}&o={}&p={}&polarity={}",
            enc(e["source"].as_str().unwrap()),
            enc(e["target"].as_str().unwrap()),
            e["predicate"].as_str().unwrap(),
            e["polarity"].as_str().unwrap()
        );
        let sts = json(&s, &path);
        let sts = sts["statements"].as_array().unwrap();
        assert_eq!(sts.len(), e["weight"].as_u64().unwrap() as usize, "{path}");
        for st in sts {
            assert!(!st["sentence"].as_str().unwrap().is_empty(), "{st}");
            assert!(!st["rule"].as_str().unwrap().is_empty(), "{st}");
            let confidence: f64 = st["confidence"].as_str().unwrap().parse().unwrap();
            assert!((0.0..=1.0).contains(&confidence), "{st}");
            assert!(st["document"].as_str().unwrap().contains("/doc/"), "{st}");
            assert_eq!(st["predicate"], e["predicate"]);
        }
    }
    let z = format!("{ID}Volodymyr_Zelensky");
    let u = format!("{ID}Ukraine");
    let both = json(
        &s,
        &format!("/api/statements?s={}&o={}&p=leaderOf", enc(&z), enc(&u)),
    );
    let dates: Vec<&str> = both["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2023-05-21", "2023-07-17"]);
    let july = json(
        &s,
        &format!(
            "/api/statements?s={}&o={}&since=2023-07-01",
            enc(&z),
            enc(&u)
        ),
    );
    assert_eq!(july["statements"].as_array().unwrap().len(), 1, "{july}");
    assert_eq!(
        get(&s, "/api/statements?s=Russia").0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&s, "/api/statements?s=a&o=b&p=likes").0,
        StatusCode::BAD_REQUEST
    );

    let russia = json(&s, "/api/actor?id=Russia");
    assert_eq!(russia["iri"], format!("{ID}Russia"));
    assert_eq!(russia["labels"]["en"], "Russia");
    assert_eq!(russia["labels"]["fr"], "Russie");
    assert_eq!(russia["wikidata"], "Q159");
    assert_eq!(russia["types"], serde_json::json!(["Country"]));
    let zel = json(&s, &format!("/api/actor?id={}", enc(&z)));
    let rel = zel["relations"].as_array().unwrap();
    assert!(
        rel.iter()
            .any(|r| r["relation"] == "leaderOf" && r["label"] == "Ukraine"),
        "{zel}"
    );
    assert_eq!(
        get(&s, "/api/actor?id=Nobody_Known").0,
        StatusCode::NOT_FOUND
    );
}

#[test]
fn the_api_keeps_the_endpoints_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    ingest_examples(&store);
    let s = start(&store, &["--timeout", "1"]);
    let heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let t = Instant::now();
    let (st, _, body) = get(&s, &format!("/api/query?query={}", enc(heavy)));
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body.contains("timeout"), "{body}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}
