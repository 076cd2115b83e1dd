//! The network export reads the documents' edge summaries; it must give
//! exactly the network that reading every statement gives, and fall back to
//! the statements when a document has no summary.

use actorgraph::backend::{Backend, Location};
use actorgraph::export::{self, Aggregate, Options, Route};
use actorgraph::lexicon::Knowledge;
use actorgraph::text::Document;

/// Three short articles we wrote, dated, with repeated, negated and
/// cross-document edges.
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "a1",
        "2024-03-01",
        "Brazil criticized Argentina on Monday. Brazil again criticized Argentina over tariffs. \
         Chile did not criticize Argentina. Brazil met Chile in Brasília.",
    ),
    (
        "a2",
        "2024-03-05",
        "Brazil criticized Argentina once more. Argentina accused Brazil of dumping steel. \
         Argentina will meet Chile in June.",
    ),
    (
        "a3",
        "2024-04-11",
        "Le Brésil a rencontré le Chili à Santiago. Le Chili a soutenu le Brésil.",
    ),
];

fn store(dir: &std::path::Path) -> Backend {
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let b = Location {
        store: Some(dir.join("store").display().to_string()),
        ..Location::default()
    }
    .open_write()
    .expect("store opens");
    b.load_knowledge(&k)
        .expect("knowledge loads into the store");
    let docs: Vec<_> = ARTICLES
        .iter()
        .map(|(id, date, text)| {
            let mut d = Document::new(*id, *text);
            d.date = Some(date.to_string());
            let st = actorgraph::extract::extract(&k, &d);
            let lang = if text.starts_with("Le ") { "fr" } else { "en" };
            (d, st, lang.to_string())
        })
        .collect();
    b.load_documents(&docs, false).expect("documents load");
    b
}

fn gexf(b: &Backend, opts: &Options) -> (String, Route) {
    let (g, route) = export::network_with_route(b, opts).expect("network builds");
    let mut out = Vec::new();
    export::gexf::write(&g, export::gexf::GexfOptions { dynamic: true }, &mut out).expect("writes");
    (String::from_utf8(out).expect("utf-8"), route)
}

#[test]
fn summaries_and_statements_give_the_same_network() {
    let dir = tempfile::tempdir().unwrap();
    let b = store(dir.path());
    for (aggregate, asserted_only) in [
        (Aggregate::Predicate, false),
        (Aggregate::Pair, false),
        (Aggregate::Predicate, true),
    ] {
        for include_negative in [false, true] {
            let opts = Options {
                aggregate,
                include_negative,
                spells: true,
                asserted_only,
                ..Options::default()
            };
            let (fast, route) = gexf(&b, &opts);
            assert!(matches!(route, Route::Summaries { .. }), "{route:?}");
            let slow_opts = Options {
                from_statements: true,
                ..opts.clone()
            };
            let (slow, route) = gexf(&b, &slow_opts);
            assert_eq!(route, Route::Statements { missing: 0 });
            assert_eq!(
                fast, slow,
                "{aggregate:?}, negatives {include_negative}, asserted only {asserted_only}"
            );
        }
    }
    // The repeated criticism is one edge: three statements in two documents.
    let g = export::network(&b, &Options::default()).expect("network builds");
    let criticism = g
        .edge_indices()
        .map(|e| (g.edge_endpoints(e).unwrap(), &g[e]))
        .find(|((s, o), e)| {
            g[*s].label == "Brazil" && g[*o].label == "Argentina" && e.predicate == "criticizes"
        })
        .map(|(_, e)| (e.weight, e.documents, e.first.clone(), e.last.clone()));
    assert_eq!(
        criticism,
        Some((3, 2, "2024-03-01".to_string(), "2024-03-05".to_string()))
    );
    let (all, _) = gexf(
        &b,
        &Options {
            include_negative: true,
            ..Options::default()
        },
    );
    assert!(
        all.contains("negative"),
        "a negated edge is kept on request"
    );
}

#[test]
fn a_document_without_summary_makes_the_export_read_statements() {
    let dir = tempfile::tempdir().unwrap();
    let b = store(dir.path());
    let (before, _) = gexf(&b, &Options::default());
    let Backend::Local(s, _) = &b else {
        panic!("local store expected")
    };
    s.update(
        "DELETE { GRAPH ?g { ?d <https://w3id.org/actorgraph/ontology#edgeSummary> ?x } } \
         WHERE { GRAPH ?g { ?d <https://w3id.org/actorgraph/ontology#edgeSummary> ?x } \
         FILTER(STRENDS(STR(?d), \"a2\")) }",
    )
    .expect("update runs");
    let (after, route) = gexf(&b, &Options::default());
    assert_eq!(route, Route::Statements { missing: 1 });
    assert_eq!(before, after);
}

/// A summary written before summaries counted asserted statements apart
/// (version 1) serves exports of every modality; an asserted-only export
/// reads that document's statements instead, with the same result.
#[test]
fn a_version_1_summary_serves_only_exports_of_every_modality() {
    let dir = tempfile::tempdir().unwrap();
    let b = store(dir.path());
    let asserted = Options {
        asserted_only: true,
        ..Options::default()
    };
    let (before_all, _) = gexf(&b, &Options::default());
    let (before_asserted, _) = gexf(&b, &asserted);
    // The planned meeting is an edge of every modality only.
    assert!(before_all.contains("meets") && before_all.len() > before_asserted.len());
    let Backend::Local(s, _) = &b else {
        panic!("local store expected")
    };
    // Drop each line's asserted column and mark the summary version 1.
    s.update(
        "PREFIX ag: <https://w3id.org/actorgraph/ontology#> \
         DELETE { GRAPH ?g { ?d ag:edgeSummary ?x } } INSERT { GRAPH ?g { ?d ag:edgeSummary ?v1 } } \
         WHERE { GRAPH ?g { ?d ag:edgeSummary ?x } FILTER(STRENDS(STR(?d), \"a2\")) \
         BIND(REPLACE(REPLACE(?x, \"\\t([0-9]+)\\t[0-9]+(\\n|$)\", \"\\t$1$2\"), \"^actorgraph-edges 2\", \"actorgraph-edges 1\") AS ?v1) }",
    )
    .expect("update runs");
    let v1 = s
        .quads_for_pattern(
            None,
            Some(oxigraph::model::NamedNodeRef::new_unchecked(
                "https://w3id.org/actorgraph/ontology#edgeSummary",
            )),
            None,
            None,
        )
        .filter_map(|q| match q.unwrap().object {
            oxigraph::model::Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        })
        .filter(|v| v.starts_with("actorgraph-edges 1"))
        .count();
    assert_eq!(v1, 1);
    let (after_all, route) = gexf(&b, &Options::default());
    assert!(matches!(route, Route::Summaries { .. }), "{route:?}");
    assert_eq!(before_all, after_all);
    let (after_asserted, route) = gexf(&b, &asserted);
    assert_eq!(route, Route::Statements { missing: 1 });
    assert_eq!(before_asserted, after_asserted);
}

/// A network whose labels hold control characters and spreadsheet
/// formulas, as a store loaded by another tool may give.
fn hostile_network() -> export::Network {
    let mut g = export::Network::new();
    let node = |id: &str, label: &str, etype: &str| export::Node {
        id: id.into(),
        iri: format!("https://w3id.org/actorgraph/id/{id}"),
        label: label.into(),
        etype: etype.into(),
        country: "-FRA".into(),
        mentions: 2,
        ..export::Node::default()
    };
    let a = g.add_node(node("a", "=HYPERLINK(\"http://x\")\u{1}", "Group"));
    let b = g.add_node(node("b", "@Bob\u{1b}[31m", "Person"));
    let edge = export::Edge {
        predicate: "pair".into(),
        quad: "verbal conflict".into(),
        polarity: "positive".into(),
        weight: 2,
        documents: 1,
        quads: [0, 0, 2, 0],
        net: -2,
        ..export::Edge::default()
    };
    g.add_edge(a, b, edge);
    g
}

/// `xml` is well-formed: no character XML 1.0 forbids, and xmllint (when
/// installed, as in CI) parses it.
fn assert_well_formed(name: &str, xml: &[u8]) {
    let text = std::str::from_utf8(xml).expect("utf-8");
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r') && (c as u32) < 0x20),
        "{name}: a control character is written raw:\n{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, xml).unwrap();
    match std::process::Command::new("xmllint")
        .arg("--noout")
        .arg(&path)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "{name}: xmllint: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => eprintln!("xmllint not installed: checked the characters only"),
    }
}

#[test]
fn xml_exports_are_well_formed_whatever_the_labels_hold() {
    let g = hostile_network();
    let mut gexf = Vec::new();
    export::gexf::write(&g, export::gexf::GexfOptions::default(), &mut gexf).unwrap();
    assert_well_formed("net.gexf", &gexf);
    assert!(String::from_utf8_lossy(&gexf).contains("@Bob\u{FFFD}[31m"));
    let mut graphml = Vec::new();
    export::graphml::write(&g, &mut graphml).unwrap();
    assert_well_formed("net.graphml", &graphml);
    let mut svg = Vec::new();
    export::svg::write(&g, 1, &mut svg).unwrap();
    assert_well_formed("net.svg", &svg);
}

#[test]
fn csv_exports_defuse_formulas_and_keep_numbers() {
    let g = hostile_network();
    let mut nodes = Vec::new();
    export::csv::write_nodes(&g, &mut nodes).unwrap();
    let nodes = String::from_utf8(nodes).unwrap();
    assert!(
        nodes.contains("\"'=HYPERLINK(\"\"http://x\"\")\u{1}\""),
        "{nodes}"
    );
    assert!(nodes.contains(",\"'@Bob\u{1b}[31m\","), "{nodes}");
    assert!(nodes.contains(",\"'-FRA\","), "{nodes}");
    let mut edges = Vec::new();
    export::csv::write_edges(&g, &mut edges).unwrap();
    let edges = String::from_utf8(edges).unwrap();
    // net_cooperation is a number, not a formula.
    assert!(edges.trim_end().ends_with(",0,0,2,0,-2"), "{edges}");
}

fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("actorgraph").expect("binary built")
}

/// A store holding one document whose text has a control character.
fn control_store(dir: &std::path::Path) -> std::path::PathBuf {
    let store = dir.join("store");
    let doc = dir.join("ctl.txt");
    std::fs::write(&doc, "Brazil criticized\u{7} Argentina on Monday.\n").unwrap();
    bin()
        .args(["ingest", "--date", "2024-03-01", "--store"])
        .arg(&store)
        .arg(&doc)
        .assert()
        .success();
    store
}

#[test]
fn query_results_in_xml_are_well_formed_and_in_csv_defused() {
    let dir = tempfile::tempdir().unwrap();
    let store = control_store(dir.path());
    let q = "SELECT ?t ?f ?n WHERE { ?s ag:text ?t BIND(\"=1+2\\u0001\" AS ?f) BIND(-3 AS ?n) }";
    let out = bin()
        .args(["query", "--format", "xml", "--store"])
        .arg(&store)
        .arg(q)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_well_formed("results.xml", &out);
    assert!(String::from_utf8_lossy(&out).contains("criticized\u{FFFD} Argentina"));
    let out = bin()
        .args(["query", "--format", "csv", "--store"])
        .arg(&store)
        .arg(q)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert!(csv.starts_with("t,f,n\r\n"), "{csv}");
    assert!(csv.ends_with(",\"'=1+2\u{1}\",-3\r\n"), "{csv}");
}

#[test]
fn statements_table_reads_old_span_strings_like_new_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let b = store(dir.path());
    let new = export::statements::rows(&b).expect("rows read");
    assert!(new.len() >= 8, "{} statements", new.len());
    let Backend::Local(s, _) = &b else {
        panic!("local store expected")
    };
    // What versions before ag:start/ag:end wrote.
    s.update(
        "PREFIX ag: <https://w3id.org/actorgraph/ontology#> \
         DELETE { GRAPH ?g { ?st ag:start ?a ; ag:end ?b ; ag:confidence ?c } } \
         INSERT { GRAPH ?g { ?st ag:span ?span } } \
         WHERE { GRAPH ?g { ?st ag:subject ?x ; ag:start ?a ; ag:end ?b ; ag:confidence ?c } \
                 BIND(CONCAT(STR(?a), \"-\", STR(?b)) AS ?span) }",
    )
    .expect("update runs");
    let old = export::statements::rows(&b).expect("rows read");
    let confidence = export::statements::COLUMNS
        .iter()
        .position(|c| *c == "confidence")
        .unwrap();
    let without_confidence = |rows: &[export::statements::Row]| -> Vec<_> {
        rows.iter()
            .map(|r| {
                let mut r = r.clone();
                r[confidence] = None;
                r
            })
            .collect()
    };
    assert_eq!(without_confidence(&new), without_confidence(&old));
    assert!(new.iter().all(|r| r[confidence].is_some()));
}

#[test]
fn statements_csv_has_a_stable_header_and_typed_columns() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    for (id, date, text) in ARTICLES {
        let path = dir.path().join(format!("{id}.txt"));
        std::fs::write(&path, text).unwrap();
        bin()
            .args(["ingest", "--date", date, "--store"])
            .arg(&store)
            .arg(&path)
            .assert()
            .success();
    }
    let csv = dir.path().join("statements.csv");
    bin()
        .args(["export", "--format", "statements-csv", "--store"])
        .arg(&store)
        .arg("--output")
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text.lines().next().unwrap(),
        "document,date,sentence,start,end,subject,subject_type,subject_country,\
         subject_wikidata,predicate,plover,object,object_type,object_country,\
         object_wikidata,polarity,modality,attributed_to,confidence,rule,subject_iri,object_iri"
    );
    // Python's csv module reads every row with the header's width, and the
    // typed columns parse as pandas would type them.
    let check = r#"
import csv, datetime, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) >= 8, len(rows)
for r in rows:
    assert None not in r and all(v is not None for v in r.values()), r
    assert int(r["start"]) < int(r["end"]), r
    assert 0 < float(r["confidence"]) <= 1, r
    datetime.date.fromisoformat(r["date"])
    assert r["polarity"] in ("positive", "negative"), r
    assert r["sentence"] and r["subject"] and r["object"] and r["rule"], r
crit = [r for r in rows if r["predicate"] == "criticizes" and r["subject"] == "Brazil"]
assert len(crit) == 3 and {r["document"] for r in crit} == {"a1", "a2"}, crit
assert crit[0]["subject_type"] == "Country" and crit[0]["subject_country"] == "BRA", crit[0]
assert any(r["polarity"] == "negative" for r in rows)
print(len(rows))
"#;
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(check)
        .arg(&csv)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(_) => eprintln!("python3 not installed: checked the header only"),
    }
    // JSON Lines: the same rows, numbers as numbers.
    let out = bin()
        .args([
            "export",
            "--format",
            "statements-jsonl",
            "--predicate",
            "criticizes",
            "--store",
        ])
        .arg(&store)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(lines.len(), 4, "three criticisms and one negated");
    // A network option is an error, not silently ignored.
    bin()
        .args([
            "export",
            "--format",
            "statements-csv",
            "--fold",
            "people",
            "--store",
        ])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "--fold applies to network exports",
        ));
    assert!(
        lines
            .iter()
            .all(|l| l["start"].is_u64() && l["confidence"].is_number())
    );
}

/// (source label, predicate, target label) of every edge.
fn edges_of(g: &export::Network) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = g
        .edge_indices()
        .map(|e| {
            let (s, o) = g.edge_endpoints(e).unwrap();
            (
                g[s].label.clone(),
                g[e].predicate.clone(),
                g[o].label.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn fold_puts_people_and_state_bodies_in_their_state() {
    let dir = tempfile::tempdir().unwrap();
    let k = Knowledge::default_knowledge().expect("knowledge loads");
    let b = Location {
        store: Some(dir.path().join("store").display().to_string()),
        ..Location::default()
    }
    .open_write()
    .expect("store opens");
    b.load_knowledge(&k).expect("knowledge loads");
    let mut d = Document::new(
        "f1",
        "Vladimir Putin criticized Joe Biden on Monday. The Kremlin accused the Pentagon of \
         lying. The United Nations criticized Russia.",
    );
    d.date = Some("2022-03-01".into());
    let st = actorgraph::extract::extract(&k, &d);
    b.load_documents(&[(d, st, "en".into())], false).unwrap();
    let t = |s: &str, p: &str, o: &str| (s.to_string(), p.to_string(), o.to_string());
    let plain = export::network(&b, &Options::default()).unwrap();
    assert!(
        edges_of(&plain).contains(&t("Vladimir Putin", "criticizes", "Joe Biden")),
        "{:?}",
        edges_of(&plain)
    );
    let people = Options {
        fold: vec![export::fold::Fold::People],
        ..Options::default()
    };
    let g = export::network(&b, &people).unwrap();
    let e = edges_of(&g);
    assert!(
        e.contains(&t("Russia", "criticizes", "United States")),
        "{e:?}"
    );
    assert!(e.iter().any(|x| x.0 == "Kremlin"), "{e:?}");
    assert!(!g.node_weights().any(|n| n.etype == "Person"));
    let both = Options {
        fold: vec![
            export::fold::Fold::People,
            export::fold::Fold::Organizations,
        ],
        ..Options::default()
    };
    let e = edges_of(&export::network(&b, &both).unwrap());
    assert!(
        e.contains(&t("Russia", "accuses", "United States")),
        "{e:?}"
    );
    // An international organisation is no state body.
    assert!(
        e.contains(&t("United Nations", "criticizes", "Russia")),
        "{e:?}"
    );
}

#[test]
fn only_filled_columns_are_declared_and_undated_documents_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let doc = dir.path().join("undated.txt");
    std::fs::write(&doc, "Brazil criticized Argentina on Monday.\n").unwrap();
    bin()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(&doc)
        .assert()
        .success();
    let out = bin()
        .args(["export", "--format", "gexf", "--store"])
        .arg(&store)
        .assert()
        .success()
        .get_output()
        .clone();
    let (gexf, err) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert!(
        err.contains("warning: 1 of 1 document(s) have no date"),
        "{err}"
    );
    assert!(gexf.contains("<attribute id=\"predicate\""), "{gexf}");
    for empty in ["first_seen", "verbal_cooperation", "net_cooperation"] {
        assert!(
            !gexf.contains(&format!("\"{empty}\"")),
            "{empty} declared:\n{gexf}"
        );
    }
    let csv = dir.path().join("net");
    bin()
        .args([
            "export",
            "--format",
            "csv",
            "--aggregate",
            "pair",
            "--store",
        ])
        .arg(&store)
        .arg("--output")
        .arg(&csv)
        .assert()
        .success();
    let edges = std::fs::read_to_string(dir.path().join("net-edges.csv")).unwrap();
    let header = edges.lines().next().unwrap();
    assert!(
        header.contains("verbal_conflict,material_conflict,net_cooperation"),
        "{header}"
    );
    assert!(!header.contains("first_seen"), "{header}");
    // A dated store: no warning, and the dynamic graph's range is typed.
    let dated = tempfile::tempdir().unwrap();
    let store = control_store(dated.path());
    let out = bin()
        .args(["export", "--format", "gexf", "--dynamic", "--store"])
        .arg(&store)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
    let gexf = String::from_utf8(out.stdout).unwrap();
    assert!(
        gexf.contains("timeformat=\"date\"")
            && gexf.contains("start=\"2024-03-01\" end=\"2024-03-01\""),
        "{gexf}"
    );
    assert!(gexf.contains("\"first_seen\""));
}

#[test]
fn the_evidence_query_reads_offsets_in_new_and_old_stores() {
    let dir = tempfile::tempdir().unwrap();
    let b = store(dir.path());
    let q = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/queries/evidence.rq"),
    )
    .unwrap();
    let params = [actorgraph::params::Param::parse("actor=argentina").unwrap()];
    let rows = |b: &Backend| -> Vec<(String, i64, i64, String)> {
        let oxigraph::sparql::QueryResults::Solutions(s) = b.evaluate(&q, &params).unwrap() else {
            panic!("a SELECT")
        };
        s.map(|r| {
            let r = r.unwrap();
            let int = |v: &str| match r.get(v) {
                Some(oxigraph::model::Term::Literal(l)) => l.value().parse::<i64>().unwrap(),
                other => panic!("{v}: {other:?}"),
            };
            let text = |v: &str| match r.get(v) {
                Some(oxigraph::model::Term::Literal(l)) => l.value().to_string(),
                other => panic!("{v}: {other:?}"),
            };
            (text("document"), int("start"), int("end"), text("sentence"))
        })
        .collect()
    };
    let new = rows(&b);
    assert!(new.len() >= 4, "{new:?}");
    for (doc, start, end, sentence) in &new {
        let text = ARTICLES.iter().find(|a| a.0 == doc).unwrap().2;
        let evidence = &text[*start as usize..*end as usize];
        assert!(
            sentence.contains(evidence),
            "{evidence:?} not in {sentence:?}"
        );
    }
    let Backend::Local(s, _) = &b else {
        panic!("local store expected")
    };
    s.update(
        "PREFIX ag: <https://w3id.org/actorgraph/ontology#> \
         DELETE { GRAPH ?g { ?st ag:start ?a ; ag:end ?b } } \
         INSERT { GRAPH ?g { ?st ag:span ?span } } \
         WHERE { GRAPH ?g { ?st ag:subject ?x ; ag:start ?a ; ag:end ?b } \
                 BIND(CONCAT(STR(?a), \"-\", STR(?b)) AS ?span) }",
    )
    .unwrap();
    assert_eq!(rows(&b), new);
}
